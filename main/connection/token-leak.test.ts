import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REQUEST_NAMES } from '../../app/contract.ts'
import { IpcMainStandIn } from '../browser-mode/ipc-main-stand-in.ts'
import { registerHandlers } from '../ipc/register-handlers.ts'
import { memorySink, setLogSink, stderrSink } from '../log/logger.ts'
import { FILE_VAULT_NAME } from '../oauth/file-vault.ts'
import { consentClicker } from '../oauth/test/consent-clicker.ts'
import { createServices, type Services } from '../services.ts'

// Every answer and event the renderer could ever see, and every log line,
// while Bulkwright connects to a Zoho org (played by LocalCRM), renews its
// access token, switches, and disconnects. None may carry a secret.

const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-leak-'))
const sink = memorySink()
const seenByRenderer: string[] = []
const PAGE = { url: 'http://127.0.0.1:1' }
let services: Services
let ipc: IpcMainStandIn
/** Every token and secret that existed during the test. */
const secrets = new Set<string>()

function collectSecrets(): void {
  const oauth = JSON.parse(
    readFileSync(join(dataDir, 'localcrm', 'oauth.json'), 'utf8'),
  ) as {
    client: { clientSecret: string }
    refreshTokens: Record<string, unknown>
    accessTokens: Record<string, unknown>
  }
  secrets.add(oauth.client.clientSecret)
  for (const token of Object.keys(oauth.refreshTokens)) secrets.add(token)
  for (const token of Object.keys(oauth.accessTokens)) secrets.add(token)
}

async function invoke(name: string, payload: unknown): Promise<unknown> {
  const answer = await ipc.invoke(name, PAGE, payload)
  seenByRenderer.push(JSON.stringify(answer))
  collectSecrets()
  return answer
}

describe('no token reaches the renderer or the logs', () => {
  before(async () => {
    setLogSink(sink)
    services = await createServices({
      dataDir,
      localCrmMsPerRow: 0,
      openExternal: consentClicker('accept'),
      zohoAccountsOverride: 'localcrm',
    })
    services.setEventSender((event, payload) =>
      seenByRenderer.push(JSON.stringify({ event, payload })),
    )
    ipc = new IpcMainStandIn()
    registerHandlers(ipc, services.handlers, (frame) => frame.url === PAGE.url)

    const oauth = JSON.parse(
      readFileSync(join(dataDir, 'localcrm', 'oauth.json'), 'utf8'),
    ) as { client: { clientId: string; clientSecret: string } }
    const signIn = {
      dataCentre: 'in',
      environment: 'production',
      ...oauth.client,
    }

    await invoke('getConnection', null)
    await invoke('connectZoho', signIn)
    await invoke('listModules', null)
    await invoke('listFields', { module: 'Contacts' })
    // Expire every access token: the next call renews it after a 401.
    await fetch(`${services.localCrmUrl}/__localcrm/faults`, {
      method: 'POST',
      body: JSON.stringify({ expireTokens: true }),
    })
    await invoke('refreshMetadata', null)
    await invoke('listModules', null)
    await invoke('connectSelfClient', { ...signIn, code: '1000.abc.def' })
    await invoke('useConnection', { kind: 'localcrm' })
    await invoke('useConnection', { kind: 'zoho' })
    await invoke('disconnectZoho', null)
    await invoke('getConnection', null)
  })

  after(async () => {
    await services.close()
    setLogSink(stderrSink('warn'))
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('went through sign-in, renewal, switching and revoking', () => {
    // The client secret, two refresh tokens and at least three access
    // tokens (LocalCRM's own, the sign-in's, the renewed one).
    assert.ok(secrets.size >= 5, `only ${secrets.size} secrets seen`)
    assert.ok(seenByRenderer.some((text) => text.includes('Zylker')))
    assert.ok(
      seenByRenderer.some((text) => text.includes('OAUTH_INVALID_CODE')),
    )
    assert.ok(REQUEST_NAMES.includes('connectZoho'))
  })

  it('never answers or tells the renderer a token or secret', () => {
    for (const text of seenByRenderer) {
      for (const secret of secrets) assert.ok(!text.includes(secret))
      assert.doesNotMatch(text, /1000\.[0-9a-f]{8,}\.[0-9a-f]{8,}/i)
    }
  })

  it('never writes a token or secret to the log', () => {
    assert.ok(sink.lines.length > 0)
    const log = sink.lines.join('\n')
    for (const secret of secrets) assert.ok(!log.includes(secret))
    assert.doesNotMatch(log, /1000\.[0-9a-f]{8,}/i)
  })

  it('leaves no Zoho token on disk after disconnecting', () => {
    const secretsDir = join(dataDir, 'secrets')
    const files = readdirSync(secretsDir, { recursive: true }).map(String)
    assert.ok(!files.includes(FILE_VAULT_NAME))
  })
})
