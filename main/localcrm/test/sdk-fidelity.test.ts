import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-8.0'
import JSZip from 'jszip'
import { memorySink, setLogSink } from '../../log/logger.ts'
import { startLocalCrm, type LocalCrm } from '../local-crm.ts'

const BulkWrite = ZOHOCRMSDK.BulkWrite

/**
 * Zoho's own TypeScript SDK 8.0 drives LocalCRM's bulk write endpoints.
 * Nothing is changed but the Environment URLs (API, accounts, upload).
 */
describe("Zoho's TypeScript SDK 8.0 against LocalCRM", () => {
  let crm: LocalCrm
  let dir = ''
  const lines = memorySink()
  before(async () => {
    setLogSink(lines)
    dir = await mkdtemp(join(tmpdir(), 'localcrm-sdk-'))
    crm = await startLocalCrm({ dataDir: join(dir, 'data'), msPerRow: 0 })
    const environment = new ZOHOCRMSDK.Environment(
      crm.url,
      `${crm.url}/oauth/v2/token`,
      crm.url,
    )
    const token = new ZOHOCRMSDK.OAuthBuilder()
      .clientId(crm.client.clientId)
      .clientSecret(crm.client.clientSecret)
      .grantToken(crm.createGrantCode())
      .build()
    const logger = new ZOHOCRMSDK.LogBuilder()
      .level(ZOHOCRMSDK.Levels.OFF)
      .filePath(join(dir, 'sdk.log'))
      .build()
    await (
      await new ZOHOCRMSDK.InitializeBuilder()
    )
      .environment(environment)
      .token(token)
      .store(new ZOHOCRMSDK.FileStore(join(dir, 'tokens.txt')))
      .SDKConfig(
        new ZOHOCRMSDK.SDKConfigBuilder()
          .autoRefreshFields(false)
          .pickListValidation(false)
          .build(),
      )
      .resourcePath(dir)
      .logger(logger)
      .initialize()
  })
  after(async () => {
    await crm.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('uploads a file, creates a job, polls it to COMPLETED and downloads the result', async () => {
    const zip = new JSZip()
    zip.file(
      'Contacts.csv',
      'Last_Name,Email\nSdk,sdk@x.example\n,nobody@x.example\n',
    )
    const zipPath = join(dir, 'contacts.zip')
    await writeFile(
      zipPath,
      await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    )

    const operations = new BulkWrite.BulkWriteOperations()
    const body = new BulkWrite.FileBodyWrapper()
    body.setFile(new ZOHOCRMSDK.StreamWrapper(undefined, undefined, zipPath))
    const headers = new ZOHOCRMSDK.HeaderMap()
    await headers.add(BulkWrite.UploadFileHeader.FEATURE, 'bulk-write')
    await headers.add(BulkWrite.UploadFileHeader.X_CRM_ORG, '694902309')
    const uploaded = await operations.uploadFile(body, headers)
    const upload = uploaded.getObject()
    assert.ok(
      upload instanceof BulkWrite.SuccessResponse,
      `upload answered ${uploaded.getStatusCode()}`,
    )
    const fileId = String(upload.getDetails().get('file_id'))

    const request = new BulkWrite.RequestWrapper()
    request.setCharacterEncoding('UTF-8')
    request.setOperation(new ZOHOCRMSDK.Choice('insert'))
    const resource = new BulkWrite.Resource()
    resource.setType(new ZOHOCRMSDK.Choice('data'))
    const module = new ZOHOCRMSDK.Modules.MinifiedModule()
    module.setAPIName('Contacts')
    resource.setModule(module)
    resource.setFileId(fileId)
    resource.setIgnoreEmpty(true)
    const mappings = ['Last_Name', 'Email'].map((name, index) => {
      const mapping = new BulkWrite.FieldMapping()
      mapping.setAPIName(name)
      mapping.setIndex(index)
      return mapping
    })
    resource.setFieldMappings(mappings)
    request.setResource([resource])
    const created = await operations.createBulkWriteJob(request)
    assert.equal(created.getStatusCode(), 201)
    const success = created.getObject()
    assert.ok(success instanceof BulkWrite.SuccessResponse)
    const jobId = String(success.getDetails().get('id'))

    let job: InstanceType<typeof BulkWrite.BulkWriteResponse> | undefined
    for (let i = 0; i < 200; i += 1) {
      const details = (
        await operations.getBulkWriteJobDetails(jobId)
      ).getObject()
      assert.ok(details instanceof BulkWrite.BulkWriteResponse)
      job = details
      if (job.getStatus() === 'COMPLETED' || job.getStatus() === 'FAILED') break
      await new Promise((r) => setTimeout(r, 20))
    }
    assert.equal(job?.getStatus(), 'COMPLETED')
    const file = job?.getResource()[0]?.getFile()
    assert.equal(file?.getAddedCount(), 1)
    assert.equal(file?.getSkippedCount(), 1)
    const downloadUrl = job?.getResult().getDownloadUrl() ?? ''

    const downloaded = (
      await operations.downloadBulkWriteResult(downloadUrl)
    ).getObject()
    assert.ok(downloaded instanceof BulkWrite.FileBodyWrapper)
    // The SDK hands the body over as bytes behind its stream type.
    const stream: unknown = downloaded.getFile().getStream()
    const bytes =
      stream instanceof Uint8Array
        ? Buffer.from(stream)
        : await collect(stream as AsyncIterable<Buffer>)
    const result = await JSZip.loadAsync(bytes)
    const csv = await Object.values(result.files)[0]?.async('string')
    assert.match(csv ?? '', /^Last_Name,Email,STATUS,RECORD_ID,ERRORS\n/)
    assert.match(csv ?? '', /,SKIPPED,,MANDATORY_NOT_FOUND-Last_Name/)
    assert.ok((await readFile(join(dir, 'tokens.txt'), 'utf8')).length > 0)
    // The SDK asks who the token belongs to before its first call (§2.5).
    assert.ok(lines.lines.some((l) => l.includes('GET /crm/v8/users → 200')))
  })
})

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}
