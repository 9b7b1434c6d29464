/**
 * For tests: Zoho Accounts on 127.0.0.1, made of LocalCRM's own token book
 * and token endpoint, with a clock the test moves and a count of requests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sendJson } from '../../localcrm/http-util.ts'
import { tokenEndpoint } from '../../localcrm/oauth-token-endpoint.ts'
import { TokenBook } from '../../localcrm/oauth-tokens.ts'
import { readParams } from '../../localcrm/request-params.ts'

/** A running stub and what the test can do with it. */
export interface AccountsStub {
  url: string
  book: TokenBook
  clock: { now: number }
  /** Requests to the token endpoint so far, by grant type. */
  calls: string[]
  /** Delays every token answer until the test calls release(). */
  hold(): void
  release(): void
  /** A grant code as a Self Client would show it. */
  selfClientCode(): string
  close(): Promise<void>
}

/** Starts the stub on a free port of 127.0.0.1. */
export async function startAccountsStub(): Promise<AccountsStub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-accounts-'))
  const clock = { now: Date.UTC(2026, 0, 1) }
  const book = await TokenBook.open(dataDir, () => clock.now)
  const calls: string[] = []
  let gate: Promise<void> | null = null
  let open = () => {}

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    void readParams(req, url).then(async (params) => {
      if (gate) await gate
      if (url.pathname === '/oauth/v2/token/revoke') {
        const known = book.revoke(params.get('token') ?? '')
        sendJson(res, {
          status: 200,
          body: known ? { status: 'success' } : { status: 'failure' },
        })
        return
      }
      calls.push(params.get('grant_type') ?? '?')
      sendJson(res, tokenEndpoint(params, book, stub.url))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  const stub: AccountsStub = {
    url: `http://127.0.0.1:${port}`,
    book,
    clock,
    calls,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve
      })
    },
    release() {
      gate = null
      open()
    },
    selfClientCode: () =>
      book.addGrant(
        {
          scopes: ['ZohoCRM.org.READ'],
          offline: true,
          redirectUri: null,
          challenge: null,
          challengeMethod: null,
        },
        180_000,
      ),
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await book.flush()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return stub
}
