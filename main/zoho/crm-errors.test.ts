import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CrmApiError } from './crm-api-error.ts'
import { createCrmClient, type CrmClient } from './crm-client.ts'
import {
  startScriptedServer,
  type Scripted,
  type ScriptedServer,
} from './test/scripted-server.ts'

const tokens = {
  accessToken: async () => 'test-access',
  invalidate: () => {},
}

describe('createCrmClient errors', () => {
  let server: ScriptedServer
  let sleeps: number[]
  afterEach(() => server.close())

  async function clientFor(script: Scripted[]): Promise<CrmClient> {
    server = await startScriptedServer(script)
    sleeps = []
    return createCrmClient({
      apiDomain: server.url,
      uploadBase: server.url,
      tokens,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
    })
  }

  it('stops at once when the API credits are used up', async () => {
    const client = await clientFor([
      {
        status: 429,
        headers: { 'X-API-CREDITS-REMAINING': '0' },
        body: {
          code: 'TOO_MANY_REQUESTS',
          status: 'error',
          message: 'the API credits of the last 24 hours are used up',
          details: {},
        },
      },
    ])
    await assert.rejects(client.createJob({}), (error: unknown) => {
      assert.ok(error instanceof CrmApiError)
      assert.equal(error.code, 'CREDITS_EXHAUSTED')
      assert.match(error.message, /credits .* used up.*Try again tomorrow/s)
      return true
    })
    assert.equal(server.seen.length, 1)
    assert.deepEqual(sleeps, [])
  })

  it('reads an error in a 200 answer as an error', async () => {
    const client = await clientFor([
      {
        status: 200,
        body: { code: 'NO_PERMISSION', status: 'error', message: 'no' },
      },
    ])
    await assert.rejects(client.listModules(), (error: unknown) => {
      assert.ok(error instanceof CrmApiError)
      assert.equal(error.code, 'NO_PERMISSION')
      assert.match(error.message, /administrator/)
      return true
    })
  })

  it('never repeats a job creation whose connection broke', async () => {
    const client = await clientFor(['cut'])
    await assert.rejects(client.createJob({}), { code: 'JOB_CREATE_UNCERTAIN' })
    assert.equal(server.seen.length, 1)
  })

  it('repeats a read whose connection broke, with growing waits', async () => {
    const client = await clientFor([
      'cut',
      'cut',
      { status: 200, body: { org: [{ zgid: '7', company_name: 'Z' }] } },
    ])
    assert.deepEqual(await client.getOrg(), { zgid: '7', name: 'Z' })
    // Full jitter at 0.5: half of 1 s, then half of 2 s.
    assert.deepEqual(sleeps, [500, 1000])
  })

  it('reports a CRM that is not there as unreachable after a few tries', async () => {
    const closed = await startScriptedServer([])
    await closed.close()
    server = await startScriptedServer([])
    const gone = createCrmClient({
      apiDomain: closed.url,
      uploadBase: closed.url,
      tokens,
      policy: { maxAttempts: 3 },
      random: () => 0,
      sleep: async () => {},
    })
    await assert.rejects(gone.getOrg(), { code: 'CRM_UNREACHABLE' })
  })
})
