import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { REQUEST_NAMES, type RequestName } from '../../../app/contract.ts'
import { IpcMainStandIn } from '../../browser-mode/ipc-main-stand-in.ts'
import {
  registerHandlers,
  type IpcMainLike,
  type RequestHandlers,
} from '../register-handlers.ts'
import { requestSchemas } from '../request-schemas.ts'

const PAGE = 'file:///app/dist/renderer/index.html'
const trusted = (frame: { url: string }) => frame.url === PAGE

/** Handlers that only record that they ran, and with what. */
function recordingHandlers() {
  const calls: { name: string; request: unknown }[] = []
  const handlers = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      async (request: unknown) => {
        calls.push({ name, request })
        return null
      },
    ]),
  ) as unknown as RequestHandlers
  return { calls, handlers }
}

function setUp() {
  const ipcMain = new IpcMainStandIn()
  const { calls, handlers } = recordingHandlers()
  registerHandlers(ipcMain, handlers, trusted)
  const invoke = (name: string, payload: unknown, url = PAGE) =>
    ipcMain.invoke(name, { url }, payload)
  return { calls, invoke }
}

const errorCode = (answer: unknown) =>
  (answer as { ok: boolean; error?: { code: string } }).error?.code

describe('registerHandlers', () => {
  it('registers one handler per request of the contract and nothing else', () => {
    const channels: string[] = []
    const ipcMain: IpcMainLike = { handle: (channel) => channels.push(channel) }
    registerHandlers(ipcMain, recordingHandlers().handlers, trusted)
    assert.deepEqual(channels, [...REQUEST_NAMES])
  })

  it('has a payload schema for every request and for nothing else', () => {
    assert.deepEqual(
      Object.keys(requestSchemas).sort(),
      [...REQUEST_NAMES].sort(),
    )
  })

  it('refuses payloads of the wrong shape for every request, before any handler runs', async () => {
    const { calls, invoke } = setUp()
    for (const name of REQUEST_NAMES) {
      for (const payload of ['text', 42, true, [], [1, 2]]) {
        const answer = await invoke(name, payload)
        assert.equal(errorCode(answer), 'BAD_REQUEST', `${name} ${payload}`)
      }
    }
    assert.deepEqual(calls, [])
  })

  it('refuses fields of the wrong type or out of bounds', async () => {
    const { calls, invoke } = setUp()
    const bad: [RequestName, unknown][] = [
      ['getConnection', { anything: 1 }],
      ['listFields', { module: '' }],
      ['listFields', { module: 'M'.repeat(101) }],
      ['openFilePath', { path: 7 }],
      ['openFilePath', { path: 'x'.repeat(5_000) }],
      ['openFileBytes', { name: 'a.csv', bytes: 'AAAA' }],
      ['openFileBytes', { name: 'a.csv', bytes: [1, 2, 3] }],
      ['getRun', { runId: '' }],
      ['getReport', {}],
      ['startImport', { fileId: 'f1', mapping: {}, sendRowsWithErrors: 'yes' }],
    ]
    for (const [name, payload] of bad) {
      const answer = await invoke(name, payload)
      assert.equal(errorCode(answer), 'BAD_REQUEST', name)
    }
    assert.deepEqual(calls, [])
  })

  it('passes a valid payload on without keys the schema does not know', async () => {
    const { calls, invoke } = setUp()
    const answer = await invoke('getRun', { runId: 'run-1', extra: 'x' })
    assert.deepEqual(answer, { ok: true, value: null })
    assert.deepEqual(calls, [{ name: 'getRun', request: { runId: 'run-1' } }])
  })

  it('refuses every request from a page other than the wizard', async () => {
    const { calls, invoke } = setUp()
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', '']) {
      const answer = await invoke('getRun', { runId: 'run-1' }, url)
      assert.equal(errorCode(answer), 'UNTRUSTED_SENDER', url)
    }
    assert.deepEqual(calls, [])
  })

  it('refuses a request without a sender frame', async () => {
    const channels = new Map<string, (event: unknown, p: unknown) => unknown>()
    const { calls, handlers } = recordingHandlers()
    registerHandlers(
      {
        handle: (channel, listener) => channels.set(channel, listener as never),
      },
      handlers,
      trusted,
    )
    const answer = await channels.get('listModules')!(
      { senderFrame: null },
      null,
    )
    assert.equal(errorCode(answer), 'UNTRUSTED_SENDER')
    assert.deepEqual(calls, [])
  })

  it('refuses channels outside the contract', async () => {
    const { calls, invoke } = setUp()
    for (const channel of ['shell.openExternal', 'readFile', '__proto__', '']) {
      const answer = await invoke(channel, { path: '/etc/passwd' })
      assert.equal(errorCode(answer), 'UNKNOWN_CHANNEL', channel)
    }
    assert.deepEqual(calls, [])
  })

  it('turns an unexpected failure into a plain error without its details', async () => {
    const ipcMain = new IpcMainStandIn()
    const { handlers } = recordingHandlers()
    handlers.getRun = async () => {
      throw new Error('secret detail at /home/user/customers.csv')
    }
    registerHandlers(ipcMain, handlers, trusted)
    const answer = await ipcMain.invoke('getRun', { url: PAGE }, { runId: 'r' })
    assert.equal(errorCode(answer), 'INTERNAL')
    assert.doesNotMatch(JSON.stringify(answer), /secret detail|customers\.csv/)
  })
})
