import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { RunView } from '../../../app/contract.ts'
import { createServices, type Services } from '../../services.ts'
import { memorySink, setLogSink } from '../logger.ts'

// Cell values no log line may contain: the file's own customer data.
const PLANTED_VALUES = [
  'Plantedsurnameqx',
  'Wilhelminaqx',
  'planted.customer.qx7',
  'Rowwithbademailqx',
  'notanemailQX7PLANT',
  'Orphanfirstnameqx',
]

const CSV = [
  'Last Name,First Name,Email',
  'Plantedsurnameqx,Wilhelminaqx,planted.customer.qx7@example.test',
  'Rowwithbademailqx,Bertram,notanemailQX7PLANT',
  ',Orphanfirstnameqx,orphan.qx@example.test',
].join('\n')

const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-logs-'))
const sink = memorySink()
const sentToRenderer: unknown[] = []
let services: Services
let run: RunView

/** Records every event for the renderer; resolves when the run ends. */
function listenForEnd(): (runId: string) => Promise<RunView> {
  const ended = new Map<string, RunView>()
  let waiting: { runId: string; resolve: (view: RunView) => void } | null = null
  services.setEventSender((event, payload) => {
    sentToRenderer.push({ event, payload })
    const view = payload as RunView
    if (event !== 'runProgress' || view.state === 'running') return

    ended.set(view.runId, view)
    if (waiting?.runId === view.runId) waiting.resolve(view)
  })
  return (runId) =>
    new Promise((resolve) => {
      const view = ended.get(runId)
      if (view !== undefined) resolve(view)
      else waiting = { runId, resolve }
    })
}

// A whole import through the real services and LocalCRM: connect (grant
// code exchanged for tokens), open, check, run jobs, report, export.
before(async () => {
  setLogSink(sink)
  services = await createServices({
    dataDir,
    localCrmMsPerRow: 0,
    pollMs: { first: 20, max: 50 },
  })
  const csvPath = join(dataDir, 'planted.csv')
  writeFileSync(csvPath, CSV)
  const answers: unknown[] = []
  const file = await services.handlers.openFilePath({ path: csvPath })
  answers.push(file, await services.handlers.getConnection(null))
  const mapping = {
    module: 'Contacts',
    operation: 'insert' as const,
    findBy: null,
    ignoreEmpty: false,
    fields: ['Last_Name', 'First_Name', 'Email'].map((apiName, i) => ({
      apiName,
      column: i,
      defaultValue: null,
      lookupFindBy: null,
    })),
  }
  answers.push(
    await services.handlers.checkImport({ fileId: file.fileId, mapping }),
  )
  const endOf = listenForEnd()
  const started = await services.handlers.startImport({
    fileId: file.fileId,
    mapping,
    sendRowsWithErrors: true,
  })
  run = started.state === 'running' ? await endOf(started.runId) : started
  answers.push(run, await services.handlers.getReport({ runId: run.runId }))
  answers.push(await services.handlers.exportSkipped({ runId: run.runId }))
  sentToRenderer.push(...answers)
})

after(async () => {
  await services?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Every secret LocalCRM issued or holds: client secret, refresh and access tokens. */
function issuedSecrets(): string[] {
  const text = readFileSync(join(dataDir, 'localcrm', 'oauth.json'), 'utf8')
  const tokens = text.match(/1000\.[0-9a-f]{32}\.[0-9a-f]{32}/g) ?? []
  const doc = JSON.parse(text) as { client: { clientSecret: string } }
  return [...new Set([...tokens, doc.client.clientSecret])]
}

describe('logs of a whole import', () => {
  it('ran the import and logged its progress', () => {
    assert.notEqual(run.state, 'running')
    assert.equal(run.counts.total, 3)
    assert.equal(run.counts.added, 1)
    assert.equal(run.counts.skipped, 2)
    assert.ok(sink.lines.length > 3, 'the services wrote log lines')
  })

  it('contain no token or client secret that LocalCRM issued', () => {
    const secrets = issuedSecrets()
    assert.ok(secrets.length >= 3, 'a client secret and tokens were issued')
    for (const line of sink.lines) {
      for (const secret of secrets) assert.ok(!line.includes(secret), line)
    }
  })

  it('contain no value from the file, only counts and ids', () => {
    for (const line of sink.lines) {
      for (const value of PLANTED_VALUES) {
        assert.ok(!line.toLowerCase().includes(value.toLowerCase()), line)
      }
    }
  })

  it('never send a token or secret to the renderer', () => {
    const sent = JSON.stringify(sentToRenderer)
    for (const secret of issuedSecrets()) assert.ok(!sent.includes(secret))
    assert.doesNotMatch(sent, /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/)
  })
})
