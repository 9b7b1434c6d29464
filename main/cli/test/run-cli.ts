import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const BIN = resolve('bin/bulkwright.mjs')

/** The shared sample file of customers. */
export const CUSTOMERS = resolve('../shared/data/customers-1000.csv')

/** Runs the `bulkwright` command as a user would, and collects what it said. */
export function bulkwright(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
