import type electronLogNode from 'electron-log/node'
import { join } from 'node:path'
import type { LogSink } from './logger.ts'

type NodeLogger = typeof electronLogNode

/** The log file's name in the app's log folder. */
export const LOG_FILE_NAME = 'bulkwright.log'

/** Size at which the file is rotated; the previous one is kept as `.old.log`. */
export const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024

/**
 * Points an electron-log instance at `bulkwright.log` in `logDir`, rotated
 * at `maxBytes`, and returns a sink that writes each scoped line through it.
 * Lines arrive already redacted by the logger. Plain Node can run this (with
 * `electron-log/node`), so it is tested without Electron.
 */
export function fileLogSink(
  electronLog: NodeLogger,
  logDir: string,
  maxBytes = MAX_LOG_FILE_BYTES,
): LogSink {
  const file = electronLog.transports.file
  file.resolvePathFn = () => join(logDir, LOG_FILE_NAME)
  file.maxSize = maxBytes
  file.level = 'info'
  electronLog.transports.console.level = 'warn'
  return {
    write(level, scope, message) {
      electronLog.scope(scope)[level](message)
    },
  }
}
