import { UserFacingError } from '../user-facing-error.ts'
import { hintFor, type CallPurpose } from './crm-error-hints.ts'

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

/** The CRM could not be reached at all, or did not answer in time. */
export class CrmUnreachableError extends UserFacingError {
  constructor(url: string, cause: unknown, code = 'CRM_UNREACHABLE') {
    super(
      code,
      `Could not reach the CRM at ${new URL(url).origin}` +
        `${code === 'CRM_TIMEOUT' ? ' in time' : ''}. Check that it is ` +
        `running (for LocalCRM, restart Bulkwright), check the internet ` +
        `connection, and try again.`,
    )
    this.name = 'CrmUnreachableError'
    this.cause = cause
  }
}

/**
 * Builds the error the wizard shows: what failed, what it means and what
 * to do, and Zoho's own code and words for a support call.
 */
export function crmError(
  code: string,
  what: string,
  purpose: CallPurpose,
  httpStatus: number,
  detail = '',
): CrmApiError {
  const zoho = detail ? ` (Zoho said ${code}: ${detail.slice(0, 200)})` : ''
  return new CrmApiError(
    code,
    `${what} failed. ${hintFor(code, purpose, httpStatus)}${zoho}`,
    httpStatus,
  )
}
