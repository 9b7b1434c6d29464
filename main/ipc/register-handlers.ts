import {
  REQUEST_NAMES,
  type IpcResult,
  type RequestName,
  type Requests,
} from '../../app/contract.ts'
import { createLogger } from '../log/logger.ts'
import { toIpcError } from '../user-facing-error.ts'
import { requestSchemas } from './request-schemas.ts'

const log = createLogger('ipc')

/** What a handler gets besides the payload. */
export interface SenderFrame {
  url: string
}

/** The part of Electron's `ipcMain` that registration needs. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (
      event: { senderFrame: SenderFrame | null },
      payload: unknown,
    ) => Promise<unknown>,
  ): void
}

/** One function per request; the main process's services behind the contract. */
export type RequestHandlers = {
  [K in RequestName]: (
    request: Requests[K]['request'],
  ) => Promise<Requests[K]['response']>
}

/**
 * Registers every request of the contract on `ipcMain` (or the browser-mode
 * stand-in). Each call is refused unless it comes from the app's own page
 * and its payload matches the request's schema.
 */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: RequestHandlers,
  isTrustedSender: (frame: SenderFrame) => boolean,
): void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(name, async (event, payload) =>
      handleOne(name, handlers, event.senderFrame, payload, isTrustedSender),
    )
  }
}

async function handleOne<K extends RequestName>(
  name: K,
  handlers: RequestHandlers,
  frame: SenderFrame | null,
  payload: unknown,
  isTrustedSender: (frame: SenderFrame) => boolean,
): Promise<IpcResult<Requests[K]['response']>> {
  if (frame === null || !isTrustedSender(frame)) {
    log.warn(`refused ${name} from an untrusted sender`)
    return {
      ok: false,
      error: { code: 'UNTRUSTED_SENDER', message: 'Refused.' },
    }
  }

  const parsed = requestSchemas[name].safeParse(payload ?? null)
  if (!parsed.success) {
    log.warn(`refused ${name}: payload does not match its schema`)
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', message: `Malformed ${name} request.` },
    }
  }

  try {
    const value = await handlers[name](parsed.data as Requests[K]['request'])
    return { ok: true, value }
  } catch (error) {
    const ipcError = toIpcError(error)
    log.warn(`${name} failed: ${ipcError.code}`)
    return { ok: false, error: ipcError }
  }
}
