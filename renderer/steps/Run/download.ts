import type { ExportedFile } from '../../../app/contract.ts'

/** Offers a file to the user through the browser's download. */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(
    new Blob([file.content], { type: 'text/csv;charset=utf-8' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}
