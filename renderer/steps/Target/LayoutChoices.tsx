import { useState } from 'react'
import type { FileLayoutChoice, FileSummary } from '../../../app/contract.ts'

const ENCODINGS: [FileLayoutChoice['encoding'], string][] = [
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 (Western European)'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
]

const DELIMITERS: [FileLayoutChoice['delimiter'], string][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
  [':', 'colon'],
]

type Props = {
  file: FileSummary
  /** Reads the file again with one setting changed. */
  onChoose: (choice: Partial<FileLayoutChoice>) => void
  busy: boolean
}

/**
 * What was detected about how the file is laid out, each one changeable:
 * the file is read again with the user's choice.
 */
export function LayoutChoices({ file, onChoose, busy }: Props) {
  const { layout } = file
  const [headerLine, setHeaderLine] = useState(String(layout.headerLine))
  const chooseHeaderLine = () => {
    const line = Number(headerLine)
    if (Number.isInteger(line) && line >= 1 && line !== layout.headerLine) {
      onChoose({ headerLine: line })
    }
  }

  return (
    <fieldset className="layout-choices" disabled={busy}>
      <legend>How the file is read</legend>
      <label>
        Encoding
        <select
          value={layout.encoding}
          onChange={(event) =>
            onChoose({
              encoding: event.target.value as FileLayoutChoice['encoding'],
            })
          }
        >
          {ENCODINGS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {layout.hadBom && <span>byte-order mark removed</span>}
      <label>
        Delimiter
        <select
          value={layout.delimiter}
          onChange={(event) =>
            onChoose({
              delimiter: event.target.value as FileLayoutChoice['delimiter'],
            })
          }
        >
          {DELIMITERS.map(([value, label]) => (
            <option key={label} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Header on line
        <input
          type="number"
          min={1}
          value={headerLine}
          onChange={(event) => setHeaderLine(event.target.value)}
          onBlur={chooseHeaderLine}
          onKeyDown={(event) => {
            if (event.key === 'Enter') chooseHeaderLine()
          }}
        />
      </label>
    </fieldset>
  )
}
