import { afterEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import JSZip from 'jszip'
import { CrmApiError } from './crm-api-error.ts'
import { startClientRig, type ClientRig } from './test/local-crm-client.ts'

const ZGID = '694902309'

async function smallZip(): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('Leads.csv', 'Last_Name,Company\nMeyer,Acme\n')
  return zip.generateAsync({ type: 'uint8array' })
}

function remaining(rig: ClientRig, kind: string): unknown {
  const fault = rig.crm.faults.active()[kind] as
    | { remaining?: number }
    | undefined
  return fault?.remaining ?? 0
}

describe('createCrmClient against LocalCRM', () => {
  let rig: ClientRig
  afterEach(() => rig.close())

  it('reads the organisation through two 503 answers, backing off', async () => {
    rig = await startClientRig()
    rig.crm.faults.set({
      httpError: { status: 503, count: 2, path: '/crm/v8/org' },
    })
    const org = await rig.client.getOrg()
    assert.equal(org.zgid, ZGID)
    assert.deepEqual(rig.sleeps, [1000, 2000])
  })

  it('gives up after five attempts and says what to do', async () => {
    rig = await startClientRig()
    rig.crm.faults.set({
      httpError: { status: 500, count: 50, path: '/crm/v8/settings/modules' },
    })
    await assert.rejects(rig.client.listModules(), (error: unknown) => {
      assert.ok(error instanceof CrmApiError)
      assert.equal(error.code, 'INTERNAL_ERROR')
      assert.equal(error.httpStatus, 500)
      assert.match(
        error.message,
        /^Listing modules failed\. .*Try again in a few minutes/,
      )
      return true
    })
    assert.deepEqual(rig.sleeps, [1000, 2000, 4000, 8000])
    assert.equal(remaining(rig, 'httpError'), 45)
  })

  it('stops retrying when the next wait would pass the time budget', async () => {
    rig = await startClientRig({ policy: { budgetMs: 5000 } })
    rig.crm.faults.set({
      httpError: { status: 429, count: 50, path: '/crm/v8/org' },
    })
    await assert.rejects(rig.client.getOrg(), { code: 'TOO_MANY_REQUESTS' })
    assert.deepEqual(rig.sleeps, [1000, 2000])
  })

  it('retries a job creation that Zoho refused with 429', async () => {
    rig = await startClientRig()
    rig.crm.faults.set({
      httpError: { status: 429, count: 2, path: '/crm/bulk/v8/write' },
    })
    // The body is incomplete on purpose: the third try reaches the checks.
    await assert.rejects(
      rig.client.createJob({ operation: 'insert' }),
      (error: unknown) => {
        assert.ok(error instanceof CrmApiError)
        assert.notEqual(error.code, 'TOO_MANY_REQUESTS')
        assert.equal(error.httpStatus, 400)
        return true
      },
    )
    assert.equal(rig.sleeps.length, 2)
  })

  it('never repeats a job creation that may have happened', async () => {
    rig = await startClientRig()
    rig.crm.faults.set({
      httpError: { status: 502, count: 5, path: '/crm/bulk/v8/write' },
    })
    await assert.rejects(
      rig.client.createJob({ operation: 'insert' }),
      (error: unknown) => {
        assert.ok(error instanceof CrmApiError)
        assert.equal(error.code, 'JOB_CREATE_UNCERTAIN')
        assert.match(error.message, /before starting the import again/)
        return true
      },
    )
    assert.equal(remaining(rig, 'httpError'), 4)
    assert.deepEqual(rig.sleeps, [])
  })

  it('times out a slow answer and retries it', async () => {
    rig = await startClientRig({ policy: { timeoutMs: 150 } })
    rig.crm.faults.set({ latency: { ms: 1000, count: 1, path: '/crm/v8/org' } })
    assert.equal((await rig.client.getOrg()).zgid, ZGID)
    assert.deepEqual(rig.sleeps, [1000])
  })

  it('reports a CRM that never answers in time as unreachable', async () => {
    rig = await startClientRig({ policy: { timeoutMs: 100, maxAttempts: 2 } })
    rig.crm.faults.set({ latency: { ms: 1000, count: 2, path: '/crm/v8/org' } })
    await assert.rejects(rig.client.getOrg(), { code: 'CRM_TIMEOUT' })
  })

  it('uploads again after a dropped connection', async () => {
    rig = await startClientRig()
    rig.crm.faults.set({ dropUpload: { count: 1, afterBytes: 10 } })
    const fileId = await rig.client.uploadZip(
      await smallZip(),
      'leads.zip',
      ZGID,
    )
    assert.match(fileId, /^\d+$/)
    assert.equal(rig.sleeps.length, 1)
  })

  it('renews an expired access token once and repeats the call', async () => {
    rig = await startClientRig()
    await rig.client.getOrg()
    rig.crm.faults.set({ expireTokens: true })
    assert.equal((await rig.client.getOrg()).zgid, ZGID)
    assert.deepEqual(rig.sleeps, [])
  })

  it('names ZohoFiles.files.ALL when an upload lacks that scope', async () => {
    rig = await startClientRig({
      scopes: ['ZohoCRM.org.READ', 'ZohoCRM.settings.ALL', 'ZohoCRM.bulk.ALL'],
    })
    await assert.rejects(
      rig.client.uploadZip(await smallZip(), 'leads.zip', ZGID),
      (error: unknown) => {
        assert.ok(error instanceof CrmApiError)
        assert.equal(error.code, 'OAUTH_SCOPE_MISMATCH')
        assert.match(error.message, /ZohoFiles\.files\.ALL/)
        return true
      },
    )
  })

  it('decides an upload by its body when Zoho answers an error with 200', async () => {
    rig = await startClientRig({ invalidFileFormatStatus: 200 })
    await assert.rejects(
      rig.client.uploadZip(
        new TextEncoder().encode('a,b\n1,2\n'),
        'x.zip',
        ZGID,
      ),
      { code: 'INVALID_FILE_FORMAT' },
    )
  })

  it('points to the data centre when a token is refused after renewal', async () => {
    const stale = {
      accessToken: async () => '1000.aaaaaaaaaaaa.bbbbbbbbbbbb',
      invalidate: () => {},
    }
    rig = await startClientRig({ tokens: stale })
    await assert.rejects(rig.client.getOrg(), (error: unknown) => {
      assert.ok(error instanceof CrmApiError)
      assert.equal(error.code, 'INVALID_TOKEN')
      assert.match(error.message, /data centre/)
      return true
    })
  })

  it('refuses to send the token to a download host that is not Zoho', async () => {
    rig = await startClientRig()
    await assert.rejects(
      rig.client.downloadResult('https://collector.example/result.zip'),
      { code: 'FOREIGN_DOWNLOAD_HOST' },
    )
  })
})
