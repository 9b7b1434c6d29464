import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { contactsJob, exchange, startHarness, type Loose } from './helpers.ts'

const rows = (n: number, tag: string) =>
  ['Last_Name', ...Array.from({ length: n }, (_, i) => `${tag}${i}`)].join('\n')
const lastName = [{ api_name: 'Last_Name', index: 0 }]

describe('LocalCRM job lifecycle', () => {
  it('goes ADDED → IN PROGRESS with growing counts → COMPLETED, one job of the org at a time, first in first out', async () => {
    const h = await startHarness({ msPerRow: 2 })
    try {
      const ids: string[] = []
      for (const tag of ['a', 'b']) {
        const fileId = await h.upload(rows(120, tag))
        const created = (await (
          await h.createJob(contactsJob(fileId, lastName))
        ).json()) as Loose
        ids.push(created.details.id)
      }
      const seen: string[] = []
      const counts: number[] = []
      // Bounded polling: at most ~2,000 polls.
      for (let i = 0; i < 2000; i += 1) {
        const [a, b] = (await Promise.all(
          ids.map(async (id) =>
            (await h.api(`/crm/bulk/v8/write/${id}`)).json(),
          ),
        )) as Loose[]
        seen.push(`${a.status}|${b.status}`)
        if (a.status === 'IN PROGRESS')
          counts.push(a.resource[0].file.added_count)
        if (b.status === 'COMPLETED') break
        await new Promise((r) => setTimeout(r, 5))
      }
      assert.ok(
        seen.includes('ADDED|ADDED') || seen[0]?.startsWith('IN PROGRESS'),
        seen[0],
      )
      assert.ok(seen.includes('IN PROGRESS|ADDED'))
      assert.ok(seen.includes('COMPLETED|IN PROGRESS'))
      assert.ok(
        !seen.some(
          (s) => s.startsWith('IN PROGRESS|IN') || s.startsWith('ADDED|IN'),
        ),
      )
      assert.equal(seen.at(-1), 'COMPLETED|COMPLETED')
      assert.ok(new Set(counts).size > 1, 'counts grow while running')
    } finally {
      await h.stop()
    }
  })

  it('spells the running status INPROGRESS when asked', async () => {
    const h = await startHarness({ msPerRow: 2, statusSpelling: 'INPROGRESS' })
    try {
      const fileId = await h.upload(rows(200, 's'))
      const created = (await (
        await h.createJob(contactsJob(fileId, lastName))
      ).json()) as Loose
      const statuses = new Set<string>()
      for (let i = 0; i < 2000; i += 1) {
        const job = (await (
          await h.api(`/crm/bulk/v8/write/${created.details.id}`)
        ).json()) as Loose
        statuses.add(job.status)
        if (job.status === 'COMPLETED') break
        await new Promise((r) => setTimeout(r, 5))
      }
      assert.ok(statuses.has('INPROGRESS'))
      assert.ok(!statuses.has('IN PROGRESS'))
    } finally {
      await h.stop()
    }
  })

  it('charges 500 credits per job and refuses jobs over the daily allowance until 24 hours pass', async () => {
    let clock = Date.UTC(2026, 0, 1)
    const h = await startHarness({ dailyCredits: 1000, now: () => clock })
    try {
      const fileId = await h.upload(rows(1, 'c'))
      assert.equal(
        (await h.createJob(contactsJob(fileId, lastName))).status,
        201,
      )
      const second = await h.createJob(contactsJob(fileId, lastName))
      assert.equal(second.status, 201)
      assert.equal(second.headers.get('x-api-credits-remaining'), '0')
      const third = await h.createJob(contactsJob(fileId, lastName))
      assert.equal(third.status, 429)
      assert.equal(((await third.json()) as Loose).code, 'TOO_MANY_REQUESTS')
      clock += 24 * 3_600_000 + 1
      h.token = (await exchange(h.crm, h.crm.createGrantCode())).access_token
      assert.equal(
        (await h.createJob(contactsJob(fileId, lastName))).status,
        201,
      )
    } finally {
      await h.stop()
    }
  })

  it('POSTs the final job JSON to the callback URL', async () => {
    const received: Loose[] = []
    const hook = createServer((req, res) => {
      let text = ''
      req.on('data', (c) => (text += c))
      req.on('end', () => {
        received.push({
          type: req.headers['content-type'],
          body: JSON.parse(text),
        })
        res.end('ok')
      })
    })
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
    const h = await startHarness()
    try {
      const fileId = await h.upload(rows(3, 'cb'))
      const created = (await (
        await h.createJob(
          contactsJob(fileId, lastName, { callback: { url, method: 'post' } }),
        )
      ).json()) as Loose
      await h.waitForJob(created.details.id)
      for (let i = 0; i < 200 && received.length === 0; i += 1)
        await new Promise((r) => setTimeout(r, 10))
      assert.equal(received.length, 1)
      assert.equal(received[0].type, 'application/json')
      assert.equal(received[0].body.id, created.details.id)
      assert.equal(received[0].body.status, 'COMPLETED')
      assert.equal(received[0].body.resource[0].file.added_count, 3)
      assert.ok(received[0].body.result.download_url)
    } finally {
      await h.stop()
      await new Promise((r) => hook.close(r))
    }
  })

  it('after a restart, fails the job that was running and runs the one that was waiting', async () => {
    const h = await startHarness({ msPerRow: 20 })
    const fileId = await h.upload(rows(200, 'r'))
    const ids: string[] = []
    for (let i = 0; i < 2; i += 1) {
      const created = (await (
        await h.createJob(contactsJob(fileId, lastName))
      ).json()) as Loose
      ids.push(created.details.id)
    }
    for (let i = 0; i < 500; i += 1) {
      const job = (await (
        await h.api(`/crm/bulk/v8/write/${ids[0]}`)
      ).json()) as Loose
      if (job.status === 'IN PROGRESS') break
      await new Promise((r) => setTimeout(r, 10))
    }
    await h.crm.close()

    const again = await startHarness({ dataDir: h.dataDir })
    try {
      const [first, second] = await Promise.all(
        ids.map((id) => again.waitForJob(id)),
      )
      assert.equal(first?.status, 'FAILED')
      assert.equal(second?.status, 'COMPLETED')
      assert.equal(second?.resource[0].file.added_count, 200)
    } finally {
      await again.stop()
    }
  })

  it('keeps records, jobs and results across a restart on the same data folder', async () => {
    const h = await startHarness()
    const fileId = await h.upload(rows(2, 'keep'))
    const created = (await (
      await h.createJob(contactsJob(fileId, lastName))
    ).json()) as Loose
    const job = await h.waitForJob(created.details.id)
    await h.crm.close()

    const again = await startHarness({ dataDir: h.dataDir })
    try {
      const list = (await (await again.api('/crm/v8/Contacts')).json()) as Loose
      assert.equal(list.data.length, 2)
      const status = (await (
        await again.api(`/crm/bulk/v8/write/${created.details.id}`)
      ).json()) as Loose
      assert.equal(status.status, 'COMPLETED')
      const result = await again.resultRows(
        job.result.download_url.replace(h.crm.url, again.crm.url),
      )
      assert.equal(result.length, 3)
      // Old access tokens persist too (they are valid for an hour).
      const old = await fetch(`${again.crm.url}/crm/v8/org`, {
        headers: { authorization: `Zoho-oauthtoken ${h.token}` },
      })
      assert.equal(old.status, 200)
    } finally {
      await again.stop()
    }
  })
})
