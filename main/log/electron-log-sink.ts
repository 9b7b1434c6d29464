import electronLog from 'electron-log/node'
import { fileLogSink } from './log-file.ts'
import { setLogSink } from './logger.ts'

/**
 * Sends every scoped logger to electron-log: `bulkwright.log` in the app's
 * log folder, rotated at 5 MB (the previous file is kept as
 * `bulkwright.old.log`). Lines are already redacted by the logger, so
 * nothing else may write to electron-log directly.
 *
 * electron-log's Node flavour, not `electron-log/main`: the main flavour
 * listens on an IPC channel of its own (`__ELECTRON_LOG__`) that would let
 * a page write unredacted lines past the contract's sender check.
 */
export function useElectronLog(logDir: string): void {
  setLogSink(fileLogSink(electronLog, logDir))
}
