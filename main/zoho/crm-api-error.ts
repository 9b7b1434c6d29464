import { UserFacingError } from '../user-facing-error.ts'

/** An answer from the CRM that says the call did not succeed. */
export class CrmApiError extends UserFacingError {
  constructor(
    code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(code, message)
    this.name = 'CrmApiError'
  }
}

/** The CRM could not be reached at all. */
export class CrmUnreachableError extends UserFacingError {
  constructor(url: string, cause: unknown) {
    super(
      'CRM_UNREACHABLE',
      `Could not reach the CRM at ${new URL(url).origin}. Check that it is ` +
        `running (for LocalCRM, restart Bulkwright) and try again.`,
    )
    this.name = 'CrmUnreachableError'
    this.cause = cause
  }
}
