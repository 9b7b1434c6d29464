import assert from 'node:assert/strict'
import electronLog from 'electron-log/node'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, afterEach, describe, it } from 'node:test'
import { fileLogSink, LOG_FILE_NAME } from '../log-file.ts'
import { createLogger, setLogSink, stderrSink } from '../logger.ts'

const dirs: string[] = []
after(() =>
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
)
afterEach(() => setLogSink(stderrSink('warn')))

/** A fresh electron-log instance writing into a new folder, console off. */
function setUp(maxBytes?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bulkwright-logfile-'))
  dirs.push(dir)
  const instance = electronLog.create({ logId: `test-${dirs.length}` })
  setLogSink(fileLogSink(instance, dir, maxBytes))
  instance.transports.console.level = false
  return dir
}

const readLog = (dir: string) => readFileSync(join(dir, LOG_FILE_NAME), 'utf8')

describe('fileLogSink', () => {
  it('writes each line with its scope into bulkwright.log, redacted', () => {
    const dir = setUp()
    createLogger('jobs').info('created job 4150868000001000002')
    createLogger('oauth').warn(
      'refresh refused for Authorization: Zoho-oauthtoken 1000.0123456789abcdef.fedcba9876543210',
    )

    const text = readLog(dir)
    assert.match(text, /\(jobs\).*created job 4150868000001000002/)
    assert.match(
      text,
      /\(oauth\).*refresh refused for Authorization: Zoho-oauthtoken \[redacted\]/,
    )
    assert.doesNotMatch(text, /0123456789abcdef/)
  })

  it('leaves debug detail out of the file', () => {
    const dir = setUp()
    createLogger('crm').debug('poll 17')
    createLogger('crm').info('job done')

    const text = readLog(dir)
    assert.doesNotMatch(text, /poll 17/)
    assert.match(text, /job done/)
  })

  it('rotates the file when it passes the size limit, keeping the old one', () => {
    const dir = setUp(2_000)
    const log = createLogger('localcrm')
    for (let i = 0; i < 100; i += 1) log.info(`row batch ${i} processed`)

    assert.ok(existsSync(join(dir, 'bulkwright.old.log')))
    assert.ok(statSync(join(dir, LOG_FILE_NAME)).size < 4_000)
    assert.match(readLog(dir), /row batch 99 processed/)
  })
})
