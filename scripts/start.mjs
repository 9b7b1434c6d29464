// `npm start`: builds, then opens the desktop app. Where Electron's binary
// could not be installed (its download is blocked on some networks), says so
// and serves the same wizard in browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
  stdio: 'inherit',
})
if (built.status !== 0) process.exit(built.status ?? 1)

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

// npm install skips Electron's download script (package.json allowScripts),
// so that installing never fails where its server cannot be reached. The
// first start fetches the binary with Electron's own script instead, unless
// ELECTRON_SKIP_BINARY_DOWNLOAD is set.
const skipDownload = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
let downloadFailure = ''
if (electronBinary() === null && !skipDownload) {
  process.stdout.write("Fetching Electron's binary (first start only)…\n")
  // Its own output is a stack trace when the server is out of reach: keep
  // the gist for one line instead.
  const fetched = spawnSync(
    process.execPath,
    [require.resolve('electron/install.js')],
    { encoding: 'utf8', timeout: 120_000 },
  )
  const output = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`
  downloadFailure =
    /(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN)[^\n]*/.exec(output)?.[0] ??
    output.trim().split('\n')[0] ??
    ''
}
const electron = electronBinary()

const [command, args] =
  electron !== null
    ? [electron, ['.']]
    : [
        process.execPath,
        [
          '--import',
          'tsx',
          'main/browser-mode/serve.ts',
          ...process.argv.slice(2),
        ],
      ]

if (command === process.execPath) {
  const why = skipDownload
    ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'
    : `its download failed${downloadFailure ? `: ${downloadFailure}` : ''}`
  process.stdout.write(
    `Electron's binary is not installed (${why}), so the wizard opens in ` +
      'browser mode instead.\n' +
      'Open the address below in Chromium, Chrome, Edge or Firefox.\n',
  )
}
const child = spawn(command, args, { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
