import type { Problem } from '../check/problem.ts'
import type { CsvColumn, CsvRecord } from './csv-types.ts'
import { fileProblem } from './read-problems.ts'

/** "a and b", "a, b and c". */
function andList(words: string[]): string {
  const last = words[words.length - 1] ?? ''
  const rest = words.slice(0, -1)
  return rest.length > 0 ? `${rest.join(', ')} and ${last}` : last
}

/** Header cells that are the same after trimming and ignoring case. */
function duplicateGroups(header: string[]): number[][] {
  const byKey = new Map<string, number[]>()
  header.forEach((text, index) => {
    const key = text.trim().toLowerCase()
    if (key === '') return

    byKey.set(key, [...(byKey.get(key) ?? []), index])
  })
  return [...byKey.values()].filter((group) => group.length > 1)
}

/**
 * Columns as the user sees them. A column with neither header nor data in
 * the first rows is left out; one with data but no header is named
 * "Column N (no header)"; headers that appear more than once carry their
 * column number ("Email (column 7)") so that no two columns share a name.
 * Each of these gets a note placed on the header line.
 */
export function buildColumns(
  fileName: string,
  header: CsvRecord,
  rows: CsvRecord[],
  problems: Problem[],
): CsvColumn[] {
  const place = { line: header.line }
  const renamed = new Map<number, string>()
  for (const group of duplicateGroups(header.values)) {
    const names = group.map(
      (index) => `${(header.values[index] ?? '').trim()} (column ${index + 1})`,
    )
    group.forEach((index, i) => renamed.set(index, names[i] as string))
    problems.push(
      fileProblem(
        'DUPLICATE_HEADER',
        'warning',
        `Columns ${andList(group.map((i) => String(i + 1)))} of ${fileName} have the same header “${(header.values[group[0] as number] ?? '').trim()}” on line ${header.line}; they are shown as ${andList(names.map((n) => `“${n}”`))}.`,
        'Map the one that holds the values you want, or give each column its own header in the file.',
        place,
      ),
    )
  }

  const columns: CsvColumn[] = []
  header.values.forEach((text, index) => {
    const headerless = text.trim() === ''
    const filled = headerless
      ? rows.find((r) => (r.values[index] ?? '') !== '')
      : undefined
    if (headerless && !filled) {
      problems.push(
        fileProblem(
          'EMPTY_COLUMN',
          'warning',
          `Column ${index + 1} of ${fileName} has no header on line ${header.line} and no data in the first rows; it is left out.`,
          null,
          place,
        ),
      )
      return
    }

    const name = headerless
      ? `Column ${index + 1} (no header)`
      : (renamed.get(index) ?? text.trim())
    if (filled) {
      problems.push(
        fileProblem(
          'MISSING_HEADER',
          'warning',
          `Column ${index + 1} of ${fileName} has no header on line ${header.line} but holds values (the first on line ${filled.line}); it is shown as “${name}”.`,
          'Map it by that name, or give the column a header in the file.',
          place,
        ),
      )
    }

    columns.push({ index, name, headerless })
  })
  return columns
}

/**
 * Watches, past the first rows, the columns the head left out (no header
 * and no data in the first rows): a value found in one later cannot be
 * mapped, so it is noted once per column rather than lost in silence.
 */
export class LeftOutColumns {
  private watched: number[]

  constructor(
    private readonly fileName: string,
    private readonly header: CsvRecord,
  ) {
    this.watched = []
    header.values.forEach((text, index) => {
      if (text.trim() === '') this.watched.push(index)
    })
  }

  /** Nothing (left) to watch: the caller may stop calling. */
  get done(): boolean {
    return this.watched.length === 0
  }

  /** A record of the first rows: a column with a value there was kept. */
  seenInHead(record: CsvRecord): void {
    this.watched = this.watched.filter((i) => (record.values[i] ?? '') === '')
  }

  /** A record past the first rows: a note for each watched column it fills. */
  check(record: CsvRecord, report: (problem: Problem) => void): void {
    for (const index of this.watched) {
      if ((record.values[index] ?? '') === '') continue

      this.watched = this.watched.filter((i) => i !== index)
      report(
        fileProblem(
          'EMPTY_COLUMN',
          'warning',
          `Line ${record.line} of ${this.fileName} has a value in column ${index + 1}, which has no header on line ${this.header.line} and was empty in the first rows, so it was left out: its values are not imported.`,
          'Give the column a header in the file and open the file again to map it.',
          // A note on the column, not on the row: the row itself is fine.
          { line: record.line },
        ),
      )
    }
  }
}
