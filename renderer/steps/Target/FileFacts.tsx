import type { ReactNode } from 'react'
import type { FileSummary } from '../../../app/contract.ts'
import { useFileProgress } from '../../wizard/file-progress.ts'

const DELIMITERS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  ':': 'colon',
}

/** What was detected in the file, and its first rows. */
export function FileFacts({
  file,
  choices,
}: {
  file: FileSummary
  /** The encoding, delimiter and header line, changeable (Target step). */
  choices?: ReactNode
}) {
  const { layout } = file
  const count = useFileProgress(file.fileId)
  const preview = file.preview.slice(0, 5)
  return (
    <div className="file-facts">
      <dl className="facts">
        <dt>File</dt>
        <dd>{file.name}</dd>
        {!choices && (
          <>
            <dt>Encoding</dt>
            <dd>
              {layout.encoding === 'windows-1252'
                ? 'Windows-1252'
                : layout.encoding.toUpperCase()}
              {layout.hadBom ? ' (byte-order mark removed)' : ''}
            </dd>
            <dt>Delimiter</dt>
            <dd>{DELIMITERS[layout.delimiter] ?? layout.delimiter}</dd>
          </>
        )}
        <dt>Rows</dt>
        <dd aria-live="polite">
          {count?.done
            ? count.rowsRead.toLocaleString()
            : `counting… ${count ? count.rowsRead.toLocaleString() : ''}`}
        </dd>
        <dt>Header</dt>
        <dd>
          line {layout.headerLine}, {file.columns.length} columns
        </dd>
      </dl>
      {choices}
      {file.problems.length > 0 && (
        <ul className="notices" aria-label="Notes about the file">
          {file.problems.map((problem, index) => (
            <li key={index}>
              {problem.message}
              {/* What to do is part of the note: re-save, pick, rename. */}
              {problem.fix && <span className="fix"> {problem.fix}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="preview" aria-label="First rows of the file">
          <thead>
            <tr>
              <th scope="col">Line</th>
              {file.columns.map((column) => (
                <th key={column.index} scope="col">
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((record) => (
              <tr key={record.row}>
                <td className="line">{record.line}</td>
                {file.columns.map((column) => (
                  <td key={column.index}>
                    {record.values[column.index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
