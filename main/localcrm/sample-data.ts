import JSZip from 'jszip'
import type { LocalCrm } from './local-crm.ts'

const ACCOUNTS = [
  'Account_Name,Website,Phone,Billing_City,Billing_Country',
  'Zylker Inc,https://zylker.example,+15550100,Austin,United States',
  'Bayside Traders,https://bayside.example,+445550101,Bristol,United Kingdom',
  'Nordlicht GmbH,https://nordlicht.example,+495550102,Hamburg,Germany',
].join('\n')

const CONTACTS = [
  'Last_Name,First_Name,Email,Account_Name,Title',
  'Lindqvist,Maja,maja.lindqvist@zylker.example,Zylker Inc,Buyer',
  'Okafor,Chidi,chidi.okafor@bayside.example,Bayside Traders,Owner',
  'Brandt,Jonas,jonas.brandt@nordlicht.example,Nordlicht GmbH,CTO',
].join('\n')

const LEADS = [
  'Last_Name,First_Name,Company,Email,Lead_Source',
  'Moreau,Camille,Atelier Moreau,camille@atelier-moreau.example,Trade Show',
  'Tanaka,Hiro,Tanaka Logistics,hiro@tanaka-logistics.example,Web Research',
].join('\n')

const DEALS = [
  'Deal_Name,Account_Name,Stage,Closing_Date,Amount',
  'Zylker renewal 2027,Zylker Inc,Negotiation/Review,2027-01-31,12500',
].join('\n')

/**
 * Fills an empty LocalCRM with a few accounts, contacts, leads and a deal, through its own
 * HTTP API (upload, job, poll), so a person trying the app sees records
 * and lookups. Does nothing when accounts already exist. Returns how many
 * records were added.
 */
export async function loadSampleData(crm: LocalCrm): Promise<number> {
  const token = await accessToken(crm)
  const api = (path: string, init: RequestInit = {}) =>
    fetch(crm.url + path, {
      ...init,
      headers: { authorization: `Zoho-oauthtoken ${token}`, ...init.headers },
    })
  const existing = await api('/crm/v8/Accounts?per_page=1')
  if (existing.status !== 204) return 0

  let added = 0
  for (const [module, csv, lookup] of [
    ['Accounts', ACCOUNTS, null],
    ['Contacts', CONTACTS, 'Account_Name'],
    ['Leads', LEADS, null],
    ['Deals', DEALS, 'Account_Name'],
  ] as const) {
    const header = csv.split('\n')[0]?.split(',') ?? []
    const mappings = header.map((name, index) => ({
      api_name: name,
      index,
      ...(name === lookup ? { find_by: 'Account_Name' } : {}),
    }))
    const fileId = await upload(api, csv)
    const created = (await (
      await api('/crm/bulk/v8/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operation: 'insert',
          resource: [
            {
              type: 'data',
              module: { api_name: module },
              file_id: fileId,
              field_mappings: mappings,
            },
          ],
        }),
      })
    ).json()) as { details: { id: string } }
    added += await waitForAdded(api, created.details.id)
  }
  return added
}

type Api = (path: string, init?: RequestInit) => Promise<Response>

async function accessToken(crm: LocalCrm): Promise<string> {
  const response = await fetch(`${crm.url}/oauth/v2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: crm.client.clientId,
      client_secret: crm.client.clientSecret,
      code: crm.createGrantCode(),
    }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

async function upload(api: Api, csv: string): Promise<string> {
  const zip = new JSZip()
  zip.file('sample.csv', csv)
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))]),
    'sample.zip',
  )
  const response = await api('/crm/v8/upload', {
    method: 'POST',
    body: form,
    headers: { feature: 'bulk-write', 'X-CRM-ORG': '694902309' },
  })
  return ((await response.json()) as { details: { file_id: string } }).details
    .file_id
}

async function waitForAdded(api: Api, jobId: string): Promise<number> {
  // Bounded: sample jobs have three rows; give up after ~30 s.
  for (let i = 0; i < 300; i += 1) {
    const job = (await (await api(`/crm/bulk/v8/write/${jobId}`)).json()) as {
      status: string
      resource: { file: { added_count?: number } }[]
    }
    if (job.status === 'COMPLETED' || job.status === 'FAILED')
      return job.resource[0]?.file.added_count ?? 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return 0
}
