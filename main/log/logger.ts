import { redact } from './redact.ts'

/** Log levels, used honestly: debug for detail, info for milestones. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** A scoped logger: `[jobs] created job 123`. Log counts and ids, never cell values. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

/** Where log lines go. The Electron app writes a rotating file; tests collect lines. */
export interface LogSink {
  write(level: LogLevel, scope: string, message: string): void
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

let sink: LogSink = stderrSink('warn')

/** Sends every logger's lines to this sink from now on. */
export function setLogSink(next: LogSink): void {
  sink = next
}

/** A sink that writes lines at or above a level to standard error. */
export function stderrSink(minimum: LogLevel): LogSink {
  return {
    write(level, scope, message) {
      if (ORDER[level] < ORDER[minimum]) return
      process.stderr.write(`${level.padEnd(5)} [${scope}] ${message}\n`)
    },
  }
}

/** A sink that keeps lines in memory, for tests. */
export function memorySink(): LogSink & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    write(level, scope, message) {
      lines.push(`${level} [${scope}] ${message}`)
    },
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

/** Returns the logger of one subsystem, e.g. `createLogger('oauth')`. */
export function createLogger(scope: string): Logger {
  const write = (level: LogLevel, message: string) =>
    sink.write(level, scope, redact(message))

  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) =>
      write(
        'error',
        error === undefined ? message : `${message}: ${describe(error)}`,
      ),
  }
}
