// `npm start`: builds, then opens the desktop app. Where Electron's binary
// could not be installed (its download is blocked on some networks), says so
// and serves the same wizard in browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

let electron = null
try {
  electron = require('electron')
} catch {
  electron = null
}

const [command, args] =
  typeof electron === 'string' && existsSync(electron)
    ? [electron, ['.']]
    : [process.execPath, ['--import', 'tsx', 'main/browser-mode/serve.ts', ...process.argv.slice(2)]]

if (command === process.execPath) {
  process.stdout.write(
    "Electron's binary is not installed on this machine (its download is " +
      'blocked here), so the wizard opens in browser mode instead.\n' +
      'Open the address below in Chromium, Chrome, Edge or Firefox.\n',
  )
}
const child = spawn(command, args, { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
