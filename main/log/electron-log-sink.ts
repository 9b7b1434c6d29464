import electronLog from 'electron-log/main'
import { join } from 'node:path'
import { setLogSink } from './logger.ts'

/**
 * Sends every scoped logger to electron-log: `bulkwright.log` in the app's
 * log folder, rotated at 5 MB (the previous file is kept as
 * `bulkwright.old.log`). Lines are already redacted by the logger, so
 * nothing else may write to electron-log directly.
 */
export function useElectronLog(logDir: string): void {
  electronLog.transports.file.resolvePathFn = () =>
    join(logDir, 'bulkwright.log')
  electronLog.transports.file.maxSize = 5 * 1024 * 1024
  electronLog.transports.file.level = 'info'
  electronLog.transports.console.level = 'warn'
  setLogSink({
    write(level, scope, message) {
      electronLog.scope(scope)[level](message)
    },
  })
}
