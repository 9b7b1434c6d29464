// Builds everything the app and browser mode run: the Electron main process,
// its check worker and the preload (CommonJS, as a sandboxed preload must
// be), the browser-mode preload (the same preload over a stand-in for
// Electron), and the wizard.
import { build as esbuild } from 'esbuild'
import { build as viteBuild } from 'vite'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const standIn = `${root}main/browser-mode/page/electron-stand-in.ts`

await esbuild({
  absWorkingDir: root,
  entryPoints: {
    'electron-main': 'main/electron-main.ts',
    preload: 'main/preload.ts',
    // The whole-file check runs in a worker thread: main finds it here.
    'check-worker': 'main/engine/check-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  // Tells the bundled code it runs from dist/main (see worker-url.ts).
  define: { BULKWRIGHT_BUNDLED: 'true' },
  // import.meta is used only on the paths that run from TypeScript source.
  logOverride: { 'empty-import-meta': 'silent' },
  sourcemap: true,
  logLevel: 'warning',
})

await esbuild({
  absWorkingDir: root,
  entryPoints: { preload: 'main/preload.ts' },
  outdir: 'dist/bridge',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  alias: { electron: standIn },
  logLevel: 'warning',
})

await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' })
process.stdout.write('built dist/main, dist/bridge and dist/renderer\n')
