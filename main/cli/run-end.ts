import type { RunView } from '../../app/contract.ts'
import type { Services } from '../services.ts'
import type { CliIo } from './cli-io.ts'

/**
 * Listens for runs ending from now on, so that a run that ends before the
 * caller asks is not missed. Returns a function that waits for one run.
 */
export function watchRunEnds(
  services: Services,
): (runId: string) => Promise<RunView> {
  const ended = new Map<string, RunView>()
  const waiting = new Map<string, (run: RunView) => void>()
  services.setEventSender((event, payload) => {
    if (event !== 'runProgress') return
    const run = payload as RunView
    if (run.state === 'running') return

    ended.set(run.runId, run)
    waiting.get(run.runId)?.(run)
  })

  return (runId) =>
    new Promise((resolve) => {
      const done = ended.get(runId)
      if (done) resolve(done)
      else waiting.set(runId, resolve)
    })
}

/** Prints how a run ended: a title, its counts, and with --json one JSON line. */
export function printRunEnd(
  io: CliIo,
  run: RunView,
  options: { title: string; details?: string; json: boolean },
): void {
  const { added, updated, skipped, excluded, total } = run.counts
  io.stdout(
    `${run.state === 'finished' ? `${options.title} finished` : `${options.title} stopped: ${run.message}`}\n` +
      `  added ${added}, updated ${updated}, skipped ${skipped}, excluded ${excluded}, total ${total}\n` +
      (options.details ? `  ${options.details}\n` : ''),
  )
  if (options.json) {
    const counts = { added, updated, skipped, excluded, total }
    io.stdout(
      `${JSON.stringify({ runId: run.runId, state: run.state, ...counts })}\n`,
    )
  }
}
