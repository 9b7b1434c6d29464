import JSZip from 'jszip'

/**
 * A ZIP holding the job CSV, compressed (JSZip stores without DEFLATE).
 * Apart from job-file.ts, so that the check worker, which only measures
 * job CSVs, does not load a ZIP library.
 */
export async function zipJobCsv(
  fileName: string,
  csv: string,
): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(fileName, csv)
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  })
}
