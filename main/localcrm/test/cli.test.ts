import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { startLocalCrm } from '../local-crm.ts'
import type { Loose } from './helpers.ts'

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../cli.ts')

describe('npm run localcrm (cli.ts)', () => {
  it('starts with sample data, prints its URL, client id and a working grant code, keeps its data folder to itself, and stops on Ctrl-C', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'localcrm-cli-'))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--data-dir', dataDir, '--ms-per-row', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    try {
      let out = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no banner in time:\n${out}`)),
          30_000,
        )
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('Press Ctrl-C')) {
            clearTimeout(timer)
            resolve()
          }
        })
        child.once('exit', (code) =>
          reject(new Error(`exited ${code}:\n${out}`)),
        )
      })
      const url = /^LocalCRM listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(
        out,
      )?.[1]
      assert.ok(url, out)
      assert.match(out, /sample data: 9 records added/)
      const clientId = /^Client id: (\S+)$/m.exec(out)?.[1] ?? ''
      const secret = /^Client secret: (\S+)$/m.exec(out)?.[1] ?? ''
      const code = /^Grant code .*: (\S+)$/m.exec(out)?.[1] ?? ''
      const tokens = (await (
        await fetch(`${url}/oauth/v2/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: clientId,
            client_secret: secret,
            code,
          }),
        })
      ).json()) as Loose
      const contacts = (await (
        await fetch(`${url}/crm/v8/Contacts`, {
          headers: { authorization: `Zoho-oauthtoken ${tokens.access_token}` },
        })
      ).json()) as Loose
      assert.equal(contacts.data.length, 3)
      assert.ok(contacts.data.every((c: Loose) => c.Account_Name?.id))

      await assert.rejects(startLocalCrm({ dataDir }), /in use by process \d+/)

      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', resolve),
      )
      child.kill('SIGINT')
      assert.equal(await exited, 0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
