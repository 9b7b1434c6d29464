// Lint keeps the architecture true: app/ is pure, renderer/ is a guest,
// main/ owns the outside world. Boundary breaks are errors, not warnings.
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// Every Node built-in, with and without the `node:` prefix.
const nodeBuiltins = [
  'node:*',
  ...builtinModules.flatMap((name) => [name, `${name}/*`]),
]

// Packages that only work in Node or Electron's main process.
const nodeOnlyPackages = ['electron-log', 'electron-log/*', 'tsx', 'tsx/*']

// Node's globals: reaching for them in app/ or renderer/ is reaching for
// Node without an import.
const nodeGlobals = [
  'Buffer',
  'process',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
].map((name) => ({
  name,
  message: `${name} is Node-only; app/ and renderer/ run without Node.`,
}))

const restrict = (groups, message, ...more) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: groups, message }, ...more] },
  ],
})

// electron-log's main and renderer flavours open an IPC channel of their own
// that bypasses the contract; main/ logs through createLogger and the Node
// flavour only (main/log/electron-log-sink.ts).
const noElectronLogIpc = {
  regex: '^electron-log(/(main|renderer|preload)(\\.js)?)?$',
  message:
    'Use createLogger; electron-log/node is the only flavour main/ uses.',
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-results/',
      'playwright-report/',
      '.bench/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // `console` is not a logger: main/ uses createLogger, the renderer
      // shows messages. Only scripts, the CLI launcher and e2e may print.
      'no-console': 'error',
    },
  },
  {
    files: ['scripts/**', 'bin/**', 'e2e/**', 'e2e-electron/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts', 'app/**/test/**'],
    rules: {
      ...restrict(
        [
          'electron',
          'electron/*',
          'react',
          'react-dom',
          'react/*',
          'react-dom/*',
          '**/main/**',
          '**/renderer/**',
          ...nodeBuiltins,
          ...nodeOnlyPackages,
        ],
        'app/ is pure TypeScript: no Electron, React, Node built-ins, main/ or renderer/.',
      ),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/**/test/**'],
    rules: {
      ...restrict(
        [
          'electron',
          'electron/*',
          '**/main/**',
          ...nodeBuiltins,
          ...nodeOnlyPackages,
        ],
        'renderer/ is a guest: no Electron, Node or main/; use window.bulkwright.',
      ),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/browser-mode/page/**'],
    rules: {
      ...restrict(
        ['**/renderer/**'],
        'main/ imports nothing from renderer/.',
        noElectronLogIpc,
      ),
    },
  },
  {
    // The browser-mode page stand-in runs in the page, like the preload.
    files: ['main/browser-mode/page/**/*.ts'],
    rules: {
      ...restrict(
        ['**/renderer/**', ...nodeBuiltins, ...nodeOnlyPackages],
        'The browser-mode page stand-in runs in the page: no Node, no renderer/.',
      ),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: [
      'main/electron-main.ts',
      'main/preload.ts',
      'main/window/**',
      'main/**/*.test.ts',
      'main/**/test/**',
      'main/browser-mode/page/**',
    ],
    rules: {
      ...restrict(
        ['electron', 'electron/*', '**/renderer/**'],
        'Only the Electron entry, preload and window import electron; services take plain interfaces.',
        noElectronLogIpc,
      ),
    },
  },
)
