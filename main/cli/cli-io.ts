/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

/** The process's own standard output and error. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}
