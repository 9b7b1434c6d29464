import { spawn, type ChildProcess } from 'node:child_process'

/** A browser-mode server of the real main-process services, for a test. */
export interface BrowserModeServer {
  url: string
  child: ChildProcess
  /** What the server has written to standard error so far. */
  logs(): string
}

/**
 * Starts `main/browser-mode/serve.ts` on a free port of 127.0.0.1 with its
 * data in `dataDir` and resolves once it prints its address.
 */
export async function startBrowserModeServer(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<BrowserModeServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/browser-mode/serve.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${errors}`)),
      30_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) =>
      reject(new Error(`server exited with ${code}:\n${errors}`)),
    )
  })
  return { url, child, logs: () => errors }
}
