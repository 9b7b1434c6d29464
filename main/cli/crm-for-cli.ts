import { resolve } from 'node:path'
import type { CrmField } from '../../app/fields/crm-field.ts'
import { createServices } from '../services.ts'
import { UserFacingError } from '../user-facing-error.ts'

/** Takes `--data-dir DIR` out of argv; the CLI's commands share it. */
export function takeDataDir(argv: string[]): {
  dataDir: string
  rest: string[]
} {
  const at = argv.indexOf('--data-dir')
  if (at === -1 || argv[at + 1] === undefined) {
    return { dataDir: resolve('.data/cli'), rest: argv }
  }
  const rest = [...argv.slice(0, at), ...argv.slice(at + 2)]
  return { dataDir: resolve(argv[at + 1] as string), rest }
}

/**
 * Reads a module's fields from LocalCRM (started on the data folder) for a
 * command that sends nothing. Null when the module does not exist.
 */
export async function fetchFieldsFromLocalCrm(
  dataDir: string,
  module: string,
): Promise<CrmField[] | null> {
  const services = await createServices({ dataDir })
  try {
    return await services.handlers.listFields({ module })
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'UNKNOWN_MODULE')
      return null
    throw error
  } finally {
    await services.close()
  }
}
