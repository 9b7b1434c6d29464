import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Set by the build (scripts/build.mjs) in the bundled main process only. */
declare const BULKWRIGHT_BUNDLED: boolean | undefined

/** The worker's file name in dist/main, next to the main process bundle. */
export const BUILT_WORKER = 'check-worker.cjs'

let chosen: URL | null = null

/** The built worker of a dist folder (`npm run build` writes it). */
export function builtCheckWorker(distDir: string): URL {
  return pathToFileURL(join(distDir, 'main', BUILT_WORKER))
}

/** Makes later checks start this worker script; null goes back to the default. */
export function useCheckWorker(url: URL | null): void {
  chosen = url
}

/**
 * The worker script to start: the one chosen (browser mode picks the built
 * one), else the one next to the bundle, else the TypeScript source (tests
 * and development under tsx). In the packaged app the bundle and the worker
 * are both inside app.asar; Electron's Node loads worker scripts from the
 * archive (its documentation says so; no Electron binary runs here to
 * prove it, and the packaging check only shows the file is in the archive).
 */
export function checkWorkerUrl(): URL {
  if (chosen !== null) return chosen

  if (typeof BULKWRIGHT_BUNDLED !== 'undefined') {
    return pathToFileURL(join(__dirname, BUILT_WORKER))
  }

  return new URL('./check-worker.ts', import.meta.url)
}
