/**
 * `npm run browser`: the wizard in a plain browser, against the real
 * main-process services and LocalCRM. For development and end-to-end tests.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { setLogSink, stderrSink } from '../log/logger.ts'
import { startBrowserMode } from './bridge-server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5177' },
    'data-dir': { type: 'string', default: '.data/browser-mode' },
    'ms-per-row': { type: 'string' },
    'poll-ms': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    // Zoho sign-ins go to the embedded LocalCRM (for trying it and e2e).
    'zoho-via-localcrm': { type: 'boolean', default: false },
  },
})

setLogSink(stderrSink(values.verbose ? 'debug' : 'info'))
const pollFirst =
  values['poll-ms'] === undefined ? undefined : Number(values['poll-ms'])
const mode = await startBrowserMode({
  port: Number(values.port),
  dataDir: resolve(values['data-dir']),
  distDir: resolve('dist'),
  ...(values['zoho-via-localcrm']
    ? { zohoAccountsOverride: 'localcrm' as const }
    : {}),
  ...(values['ms-per-row'] === undefined
    ? {}
    : { localCrmMsPerRow: Number(values['ms-per-row']) }),
  ...(pollFirst === undefined
    ? {}
    : { pollMs: { first: pollFirst, max: pollFirst * 4 } }),
})

process.stdout.write(`Bulkwright (browser mode) on ${mode.url}\n`)
const stop = () => void mode.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
