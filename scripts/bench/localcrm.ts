/**
 * LocalCRM benchmark (not a test): time to process a 25,000-row insert job
 * into Contacts at full speed (msPerRow 0), over HTTP, and peak RSS.
 *   npx tsx scripts/bench/localcrm.ts [rows]
 * Rows are customers-1000.csv repeated with fresh emails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { startLocalCrm } from '../../main/localcrm/local-crm.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const SOURCE = join(ROOT, '../shared/data/customers-1000.csv')
const rows = Number(process.argv[2] ?? 25_000)

async function buildCsv(): Promise<string> {
  const parsed = Papa.parse<string[]>(await readFile(SOURCE, 'utf8'), {
    skipEmptyLines: true,
  })
  const [header, ...templates] = parsed.data
  if (!header || templates.length === 0)
    throw new Error(`${SOURCE} has no rows`)

  const out: string[][] = [header]
  for (let i = 0; i < rows; i += 1) {
    const row = [...(templates[i % templates.length] ?? [])]
    row[9] = `bench${i}.${row[9] ?? ''}`
    out.push(row)
  }
  return Papa.unparse(out)
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'localcrm-bench-'))
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const crm = await startLocalCrm({ dataDir, msPerRow: 0 })
  try {
    const tokenResponse = await fetch(`${crm.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: crm.client.clientId,
        client_secret: crm.client.clientSecret,
        code: crm.createGrantCode(),
      }),
    })
    const token = ((await tokenResponse.json()) as { access_token: string })
      .access_token
    const auth = { authorization: `Zoho-oauthtoken ${token}` }

    const zip = new JSZip()
    zip.file('customers.csv', await buildCsv())
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
    })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)]), 'customers.zip')
    const uploadStart = performance.now()
    const upload = (await (
      await fetch(`${crm.url}/crm/v8/upload`, {
        method: 'POST',
        body: form,
        headers: { ...auth, feature: 'bulk-write', 'X-CRM-ORG': '694902309' },
      })
    ).json()) as { details: { file_id: string } }
    const uploadMs = performance.now() - uploadStart

    const mappings = [
      ['First_Name', 2],
      ['Last_Name', 3],
      ['Mailing_City', 5],
      ['Mailing_Country', 6],
      ['Email', 9],
    ].map(([api_name, index]) => ({ api_name, index }))
    const start = performance.now()
    const created = (await (
      await fetch(`${crm.url}/crm/bulk/v8/write`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          operation: 'insert',
          resource: [
            {
              type: 'data',
              module: { api_name: 'Contacts' },
              file_id: upload.details.file_id,
              field_mappings: mappings,
            },
          ],
        }),
      })
    ).json()) as { details: { id: string } }

    let job:
      | { status: string; resource: { file: Record<string, number> }[] }
      | undefined
    // Bounded: give up after ~5 minutes.
    for (let i = 0; i < 6000; i += 1) {
      job = (await (
        await fetch(`${crm.url}/crm/bulk/v8/write/${created.details.id}`, {
          headers: auth,
        })
      ).json()) as typeof job
      if (job?.status === 'COMPLETED' || job?.status === 'FAILED') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const jobMs = performance.now() - start
    const file = job?.resource[0]?.file ?? {}
    const lines = [
      `LocalCRM benchmark: ${rows.toLocaleString('en')} rows into Contacts (msPerRow 0)`,
      `  zip upload:        ${uploadMs.toFixed(0)} ms (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`,
      `  job to ${job?.status ?? '?'}:  ${jobMs.toFixed(0)} ms (create + process + result ZIP, polled every 50 ms)`,
      `  rows/s:            ${Math.round((rows / jobMs) * 1000).toLocaleString('en')}`,
      `  outcome:           ${file.added_count ?? 0} added, ${file.skipped_count ?? 0} skipped`,
      `  peak RSS:          ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB`,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    clearInterval(sampler)
    await crm.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

void main()
