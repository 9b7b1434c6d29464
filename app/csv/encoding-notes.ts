import type { Problem } from '../check/problem.ts'
import type { CsvColumn, CsvDelimiter, CsvEncoding } from './csv-types.ts'
import {
  type EncodingSample,
  classifyEncodingLines,
  findEncodingSamples,
} from './encoding-samples.ts'
import { fileProblem, listLines } from './read-problems.ts'

/** What the head says about the encoding, and the cells it shows for it. */
export interface EncodingNotes {
  problems: Problem[]
  samples: EncodingSample[]
}

/** What the head knows when it judges the encoding. */
export interface EncodingFacts {
  name: string
  bytes: Uint8Array
  complete: boolean
  encoding: CsvEncoding
  delimiter: CsvDelimiter
  columns: CsvColumn[]
  /** The file was not valid UTF-8 and is read as Windows-1252. */
  fellBack: boolean
  /** Bytes invalid in the chosen encoding were decoded as U+FFFD. */
  damaged: boolean
}

function describeSample(sample: EncodingSample, columns: CsvColumn[]) {
  const column =
    columns.find((c) => c.index === sample.column)?.name ??
    `Column ${sample.column + 1}`
  return `line ${sample.line}, column “${column}”: “${sample.asRead}” (as UTF-8: “${sample.asUtf8}”)`
}

function mixedNote(facts: EncodingFacts, utf8: number[], other: number[]) {
  const { bytes, encoding, delimiter, columns } = facts
  const asOther = findEncodingSamples(bytes, encoding, delimiter, {
    limit: 2,
    lines: other,
  })
  const asUtf8 = findEncodingSamples(bytes, encoding, delimiter, {
    limit: 2,
    lines: utf8,
  })
  const show = (samples: EncodingSample[]) =>
    samples.map((s) => describeSample(s, columns)).join('; ')
  const problem = fileProblem(
    'ENCODING',
    // Values read in the wrong encoding must not reach the CRM quietly.
    'error',
    `${facts.name} mixes two encodings, so no single one reads all of it. It is read as Windows-1252, which suits ${listLines(other)} (${show(asOther)}), but ${listLines(utf8)} ${utf8.length === 1 ? 'holds' : 'hold'} UTF-8 text, which then shows the wrong characters (${show(asUtf8)}).`,
    'Open the file in the program that made it and save it again as CSV UTF-8. Or pick the encoding most of its lines use: read as UTF-8, the other lines cannot be read and are reported; read as Windows-1252, the UTF-8 lines keep the wrong characters.',
    { line: Math.min(utf8[0] ?? 1, other[0] ?? 1) },
  )
  return { problems: [problem], samples: [...asOther, ...asUtf8] }
}

/**
 * Notes on the encoding of the head: a file read as Windows-1252 because it
 * is not valid UTF-8 (with cells shown both ways), one that mixes UTF-8 and
 * Windows-1252 lines, and bytes the chosen encoding cannot read.
 */
export function encodingNotes(facts: EncodingFacts): EncodingNotes {
  const { name, bytes, encoding, delimiter, columns } = facts
  // Picked or fallen back to: a mix shows either way.
  if (encoding === 'windows-1252') {
    const lines = classifyEncodingLines(bytes, facts.complete)
    if (lines.utf8.length > 0 && lines.other.length > 0) {
      return mixedNote(facts, lines.utf8, lines.other)
    }
  }

  if (facts.fellBack) {
    const samples = findEncodingSamples(bytes, encoding, delimiter)
    const shown = samples.map((s) => describeSample(s, columns)).join('; ')
    const problem = fileProblem(
      'ENCODING',
      'warning',
      `${name} is not valid UTF-8, so it is read as Windows-1252${shown ? `: ${shown}` : ''}.`,
      'If these values look wrong, pick the encoding the file was saved in.',
    )
    return { problems: [problem], samples }
  }

  if (!facts.damaged) return { problems: [], samples: [] }

  const other = classifyEncodingLines(bytes, facts.complete).other
  const samples = findEncodingSamples(bytes, 'windows-1252', delimiter, {
    lines: other,
  })
  const where = other.length > 0 ? ` on ${listLines(other)}` : ''
  const shown = samples
    .map((s) => {
      const column = columns.find((c) => c.index === s.column)?.name
      return `line ${s.line}, column “${column ?? s.column + 1}”: “${s.asUtf8}” (as Windows-1252: “${s.asRead}”)`
    })
    .join('; ')
  const problem = fileProblem(
    'ENCODING',
    'error',
    `${name} is not valid ${encoding}: characters${where} cannot be read and would arrive as “�”${shown ? ` (${shown})` : ''}.`,
    'Pick another encoding for the file (Windows-1252 is the usual one for spreadsheets saved on Windows), or save it again as CSV UTF-8.',
    other.length > 0 ? { line: other[0] as number } : null,
  )
  return { problems: [problem], samples }
}
