import type { IpcMainLike, SenderFrame } from '../ipc/register-handlers.ts'

type Handler = (
  event: { senderFrame: SenderFrame | null },
  payload: unknown,
) => Promise<unknown>

/**
 * Browser mode only: a stand-in for Electron's `ipcMain` that keeps the
 * handlers the real registration code adds, so the bridge can call them.
 */
export class IpcMainStandIn implements IpcMainLike {
  private readonly handlers = new Map<string, Handler>()

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`A handler for ${channel} is already registered`)
    }
    this.handlers.set(channel, listener)
  }

  /** Calls the handler of a channel as Electron would for an invoke. */
  async invoke(
    channel: string,
    frame: SenderFrame,
    payload: unknown,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'Refused.' },
      }
    }
    return handler({ senderFrame: frame }, payload)
  }
}
