import { useSyncExternalStore } from 'react'
import type { FileProgress } from '../../app/contract.ts'
import { api } from '../api.ts'

const latest = new Map<string, FileProgress>()
const listeners = new Set<() => void>()
let watching = false

/**
 * Starts keeping the latest count of every opened file. Called once when the
 * app starts, so that a count finishing before its screen shows is not lost.
 */
export function watchFileProgress(): void {
  if (watching) return

  watching = true
  api().on('fileProgress', (progress) => {
    latest.set(progress.fileId, progress)
    listeners.forEach((listener) => listener())
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The latest count of one file's rows, or null before the first report. */
export function useFileProgress(fileId: string): FileProgress | null {
  return useSyncExternalStore(subscribe, () => latest.get(fileId) ?? null)
}
