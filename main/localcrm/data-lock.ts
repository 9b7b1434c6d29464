import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Keeps two processes from running LocalCRM on one data folder, which would
 * overwrite each other's JSON files. The lock is a `localcrm.lock` file with
 * the owner's pid; a lock whose process is gone is taken over. The same
 * process may open the folder again (tests restart LocalCRM in-process).
 */
export async function lockDataDir(
  dataDir: string,
): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'localcrm.lock')
  const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim())
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The LocalCRM data folder ${dataDir} is in use by process ${owner}. ` +
        'Stop that LocalCRM or choose another data folder (--data-dir).',
    )
  }

  await writeFile(path, String(process.pid))
  return () => rm(path, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
