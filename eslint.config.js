// Lint keeps the architecture true: app/ is pure, renderer/ is a guest,
// main/ owns the outside world. Boundary breaks are errors, not warnings.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
  'events',
  'buffer',
]

const restrict = (groups, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: groups, message }] },
  ],
})

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
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
        { argsIgnorePattern: '^_' },
      ],
    },
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
          '**/main/**',
          '**/renderer/**',
          ...nodeBuiltins,
        ],
        'app/ is pure TypeScript: no Electron, React, Node built-ins, main/ or renderer/.',
      ),
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      ...restrict(
        ['electron', 'electron/*', '**/main/**', ...nodeBuiltins],
        'renderer/ is a guest: no Electron, Node or main/; use window.bulkwright.',
      ),
      'no-console': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/browser-mode/page/**'],
    rules: {
      ...restrict(['**/renderer/**'], 'main/ imports nothing from renderer/.'),
      'no-console': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: [
      'main/electron-main.ts',
      'main/preload.ts',
      'main/window/**',
      'main/log/electron-log-sink.ts',
      'main/**/*.test.ts',
    ],
    rules: {
      ...restrict(
        ['electron', 'electron/*', '**/renderer/**'],
        'Only the Electron entry, preload, window and log sink import electron; services take plain interfaces.',
      ),
    },
  },
)
