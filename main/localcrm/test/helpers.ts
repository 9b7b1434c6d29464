import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import Papa from 'papaparse'
import {
  startLocalCrm,
  type LocalCrm,
  type LocalCrmOptions,
} from '../local-crm.ts'

/** Server JSON as tests read it: nested keys without a cast at each step. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only reads of server JSON
export type Loose = any

/** A LocalCRM in a fresh temp folder with a token, plus request helpers. */
export interface Harness {
  crm: LocalCrm
  dataDir: string
  token: string
  refreshToken: string
  api(path: string, init?: RequestInit): Promise<Response>
  upload(csv: string, name?: string): Promise<string>
  createJob(body: unknown): Promise<Response>
  waitForJob(id: string): Promise<Record<string, Loose>>
  resultRows(downloadUrl: string): Promise<string[][]>
  stop(): Promise<void>
}

/** Starts LocalCRM (msPerRow 0) and exchanges a Self Client code. */
export async function startHarness(
  options: Partial<LocalCrmOptions> & { scopes?: string[] } = {},
): Promise<Harness> {
  const dataDir =
    options.dataDir ?? (await mkdtemp(join(tmpdir(), 'localcrm-test-')))
  const crm = await startLocalCrm({ msPerRow: 0, ...options, dataDir })
  const tokens = await exchange(crm, crm.createGrantCode(options.scopes))
  const h: Harness = {
    crm,
    dataDir,
    token: tokens.access_token,
    refreshToken: tokens.refresh_token,
    api: (path, init = {}) =>
      fetch(path.startsWith('http') ? path : crm.url + path, {
        ...init,
        headers: {
          authorization: `Zoho-oauthtoken ${h.token}`,
          ...init.headers,
        },
      }),
    async upload(csv, name = 'contacts.csv') {
      const zip = await zipOf(name, csv)
      const response = await h.api('/crm/v8/upload', uploadInit(zip))
      const body = (await response.json()) as Loose
      if (body.status !== 'success')
        throw new Error(`upload failed: ${JSON.stringify(body)}`)
      return body.details.file_id as string
    },
    createJob: (body) =>
      h.api('/crm/bulk/v8/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async waitForJob(id) {
      for (let i = 0; i < 500; i += 1) {
        const job = (await (
          await h.api(`/crm/bulk/v8/write/${id}`)
        ).json()) as Loose
        if (job.status === 'COMPLETED' || job.status === 'FAILED') return job
        await new Promise((r) => setTimeout(r, 20))
      }
      throw new Error(`job ${id} did not finish`)
    },
    async resultRows(downloadUrl) {
      const response = await h.api(downloadUrl)
      const zip = await JSZip.loadAsync(await response.arrayBuffer())
      const entry = Object.values(zip.files)[0]
      if (!entry) throw new Error('empty result zip')
      return Papa.parse<string[]>(await entry.async('string'), {
        skipEmptyLines: true,
      }).data
    },
    async stop() {
      await crm.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return h
}

/** Exchanges a grant code at the token endpoint over HTTP. */
export async function exchange(crm: LocalCrm, code: string): Promise<Loose> {
  const response = await fetch(`${crm.url}/oauth/v2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: crm.client.clientId,
      client_secret: crm.client.clientSecret,
      code,
    }),
  })
  return response.json()
}

/** A ZIP holding one file. */
export async function zipOf(name: string, text: string): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(name, text)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** The request init of an upload with Zoho's headers. */
export function uploadInit(
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): RequestInit {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), 'upload.zip')
  return {
    method: 'POST',
    body: form,
    headers: { feature: 'bulk-write', 'X-CRM-ORG': '694902309', ...headers },
  }
}

/** An insert job body for Contacts with the given mappings. */
export function contactsJob(
  fileId: string,
  mappings: object[],
  extra: object = {},
): object {
  return {
    operation: 'insert',
    resource: [
      {
        type: 'data',
        module: { api_name: 'Contacts' },
        file_id: fileId,
        field_mappings: mappings,
      },
    ],
    ...extra,
  }
}
