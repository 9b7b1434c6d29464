import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import JSZip from 'jszip'
import {
  contactsJob,
  startHarness,
  uploadInit,
  zipOf,
  type Harness,
  type Loose,
} from './helpers.ts'

const lastName = [{ api_name: 'Last_Name', index: 0 }]

describe('LocalCRM faults on demand', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  beforeEach(() => h.crm.faults.reset())
  after(() => h.stop())

  const control = (method: string, body?: unknown) =>
    fetch(`${h.crm.url}/__localcrm/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json() as Promise<Loose>)

  it('answers 429 TOO_MANY_REQUESTS to every other request for a count, set through the control endpoint', async () => {
    await control('POST', {
      httpError: { status: 429, share: 0.5, count: 2, path: '/crm/' },
    })
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1)
      statuses.push((await h.api('/crm/v8/org')).status)
    assert.deepEqual(statuses, [200, 429, 200, 429, 200, 200])
    const limited = await control('GET')
    assert.deepEqual(limited.faults, {})
  })

  it('answers a 5xx with INTERNAL_ERROR, and the control endpoint resets it', async () => {
    h.crm.faults.set({ httpError: { status: 503, forMs: 60_000 } })
    const failed = await h.api('/crm/v8/org')
    assert.equal(failed.status, 503)
    assert.equal(((await failed.json()) as Loose).code, 'INTERNAL_ERROR')
    assert.ok((await control('GET')).faults.httpError)
    await control('DELETE')
    assert.equal((await h.api('/crm/v8/org')).status, 200)
  })

  it('adds latency to a bounded number of requests', async () => {
    h.crm.faults.set({ latency: { ms: 300, count: 1 } })
    const slow = Date.now()
    await h.api('/crm/v8/org')
    const slowMs = Date.now() - slow
    assert.ok(slowMs >= 290, `first request took ${slowMs} ms`)
    assert.deepEqual(h.crm.faults.active(), {})
  })

  it('drops the connection in the middle of an upload', async () => {
    h.crm.faults.set({ dropUpload: { afterBytes: 1024 } })
    const big = await zipOf(
      'a.csv',
      'Last_Name\n' +
        Array.from({ length: 20_000 }, (_, i) => `n${i}-${Math.random()}`).join(
          '\n',
        ),
    )
    await assert.rejects(h.api('/crm/v8/upload', uploadInit(big)))
    h.crm.faults.set({ dropUpload: { afterBytes: 10_000_000 } })
    await assert.rejects(
      h.api('/crm/v8/upload', uploadInit(big)),
      'a short body is cut too',
    )
    const next = await h.api('/crm/v8/upload', uploadInit(big))
    assert.equal(((await next.json()) as Loose).code, 'FILE_UPLOAD_SUCCESS')
  })

  it('expires every access token now', async () => {
    await control('POST', { expireTokens: true })
    const response = await h.api('/crm/v8/org')
    assert.equal(response.status, 401)
    assert.equal(((await response.json()) as Loose).code, 'INVALID_TOKEN')
    const refreshed = await fetch(`${h.crm.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: h.crm.client.clientId,
        client_secret: h.crm.client.clientSecret,
        refresh_token: h.refreshToken,
      }),
    })
    h.token = ((await refreshed.json()) as Loose).access_token
    assert.equal((await h.api('/crm/v8/org')).status, 200)
  })

  it('fails the next job (FAILED, counts so far, no result), then runs the one after normally', async () => {
    h.crm.faults.set({ failJob: { afterRows: 2 } })
    const fileId = await h.upload('Last_Name\nA\nB\nC\nD')
    const first = (await (
      await h.createJob(contactsJob(fileId, lastName))
    ).json()) as Loose
    const failed = await h.waitForJob(first.details.id)
    assert.equal(failed.status, 'FAILED')
    assert.equal(failed.resource[0].status, 'FAILED')
    assert.equal(failed.resource[0].file.status, 'FAILED')
    assert.equal(failed.resource[0].file.added_count, 2)
    assert.equal(failed.result, undefined)

    const second = (await (
      await h.createJob(contactsJob(fileId, lastName))
    ).json()) as Loose
    assert.equal((await h.waitForJob(second.details.id)).status, 'COMPLETED')
  })

  it('serves a corrupt result ZIP once, then the real one', async () => {
    const fileId = await h.upload('Last_Name\nA')
    const created = (await (
      await h.createJob(contactsJob(fileId, lastName))
    ).json()) as Loose
    const job = await h.waitForJob(created.details.id)
    h.crm.faults.set({ corruptResult: { count: 1 } })
    const bytes = await (await h.api(job.result.download_url)).arrayBuffer()
    await assert.rejects(JSZip.loadAsync(bytes))
    assert.equal((await h.resultRows(job.result.download_url)).length, 2)
  })

  it('serves a small result ZIP whose CSV would expand far beyond its size', async () => {
    const fileId = await h.upload('Last_Name\nA')
    const created = (await (
      await h.createJob(contactsJob(fileId, lastName))
    ).json()) as Loose
    const job = await h.waitForJob(created.details.id)
    h.crm.faults.set({ zipBomb: { expandedMb: 64 } })
    const bytes = new Uint8Array(
      await (await h.api(job.result.download_url)).arrayBuffer(),
    )
    assert.ok(bytes.length < 1024 * 1024, `bomb is ${bytes.length} bytes`)
    const zip = await JSZip.loadAsync(bytes)
    const entry = Object.values(zip.files)[0] as Loose
    const expanded = claimedSize(bytes)
    assert.ok(expanded >= 63 * 1024 * 1024, `claims ${expanded} bytes`)
    assert.ok(expanded / bytes.length > 100)
    // The bomb is real: the first bytes inflate to CSV.
    const head = await new Promise<string>((resolve, reject) => {
      let text = ''
      entry
        .nodeStream()
        .on('data', (chunk: Buffer) => {
          text += chunk.toString()
          if (text.length > 200) resolve(text)
        })
        .on('error', reject)
        .on('end', () => resolve(text))
    })
    assert.match(head, /^Email,Last_Name,First_Name,STATUS,RECORD_ID,ERRORS\n/)
  })

  it('refuses control requests that are not JSON objects', async () => {
    const response = await fetch(`${h.crm.url}/__localcrm/faults`, {
      method: 'POST',
      body: '[1]',
    })
    assert.equal(response.status, 400)
  })
})

/** The uncompressed size the ZIP's central directory gives its first entry. */
function claimedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.length - 22
  assert.equal(view.getUint32(end, true), 0x06054b50)
  const central = view.getUint32(end + 16, true)
  return view.getUint32(central + 24, true)
}
