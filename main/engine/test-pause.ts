import type { ByteSource } from '../../app/csv/csv-types.ts'

/**
 * Test hook, off unless the environment variable is set: the worker reads
 * the file in 16 KB pieces with this many milliseconds between them, so that
 * an end-to-end test can see the Check step while its check is running.
 */
export const PAUSE_VARIABLE = 'BULKWRIGHT_TEST_CHECK_PAUSE_MS'

const PIECE = 16 * 1024

/** The source as it is, or slowed down when the test hook is on. */
export function pausedForTests(source: ByteSource): ByteSource {
  const pause = Number(process.env[PAUSE_VARIABLE] ?? 0)
  if (!(pause > 0)) return source

  return {
    ...source,
    async *chunks() {
      for await (const chunk of source.chunks()) {
        for (let at = 0; at < chunk.length; at += PIECE) {
          await new Promise((resume) => setTimeout(resume, pause))
          yield chunk.subarray(at, at + PIECE)
        }
      }
    },
  }
}
