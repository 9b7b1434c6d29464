import type { BulkwrightApi, IpcResult } from '../app/contract.ts'

declare global {
  interface Window {
    /** Put there by the preload script; the renderer's only way out. */
    readonly bulkwright: BulkwrightApi
  }
}

/** The contract object the preload exposed. */
export function api(): BulkwrightApi {
  return window.bulkwright
}

/** A failed request, carrying the message to show. */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'RequestFailed'
  }
}

/** Returns a result's value, or throws its error for the caller to show. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new RequestFailed(result.error.code, result.error.message)
}

/** The message to show for anything a request threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
