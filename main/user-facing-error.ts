import type { IpcError } from '../app/contract.ts'
import { createLogger } from './log/logger.ts'

const log = createLogger('ipc')

/**
 * An expected failure that the user should read: a file that cannot be read,
 * a module that does not exist, a CRM that does not answer. Its message says
 * what happened and what to do next.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'UserFacingError'
  }
}

/** Turns anything thrown by a handler into a plain `{ code, message }`. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof UserFacingError) {
    return { code: error.code, message: error.message }
  }

  log.error('unexpected failure', error)
  return {
    code: 'INTERNAL',
    message:
      'Something went wrong inside Bulkwright. The log file has the details; ' +
      'please try again or report it.',
  }
}
