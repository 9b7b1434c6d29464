import type { TransformId } from '../../app/contract.ts'
import type { CsvRecord } from '../../app/csv/csv-types.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import { checkboxTransform } from '../../app/transforms/checkbox.ts'
import { dateTransform } from '../../app/transforms/date-column.ts'
import { numberTransform } from '../../app/transforms/number-column.ts'
import { phoneTransform } from '../../app/transforms/phone.ts'
import {
  picklistTransform,
  trimTransform,
} from '../../app/transforms/picklist.ts'
import type { ValueTransform } from '../../app/transforms/value-transform.ts'

/** The engine's transform behind each choice the Check step offers. */
export function transformFor(
  id: TransformId,
  field: CrmField | undefined,
): ValueTransform | null {
  switch (id) {
    case 'trim':
      return trimTransform
    case 'phone-drop-extension':
      return phoneTransform('drop')
    case 'date-dmy':
      return dateTransform('dmy')
    case 'date-mdy':
      return dateTransform('mdy')
    case 'number-comma':
      return numberTransform(',')
    case 'number-dot':
      return numberTransform('.')
    case 'checkbox':
      return checkboxTransform
    case 'picklist':
      return field ? picklistTransform(field) : null
  }
}

/**
 * What the user changed on the Check step for one open file: column
 * transforms, edited cells and excluded rows. Applied on top of the file's
 * records wherever they are read (check, grid, run), so the file on disk is
 * never rewritten.
 */
export class FileFixes {
  readonly edits = new Map<number, Map<number, string>>()
  readonly excluded = new Set<number>()
  readonly transforms = new Map<
    number,
    { id: TransformId; transform: ValueTransform }
  >()

  /**
   * The record as it will be sent: transforms first, then the user's edits.
   * `without` leaves one column's transform out (a new transform for that
   * column replaces it, so its preview starts from the file's values).
   */
  apply(record: CsvRecord, without?: number): CsvRecord {
    const edits = this.edits.get(record.row)
    if (this.transforms.size === 0 && edits === undefined) return record

    const values = [...record.values]
    for (const [column, { transform }] of this.transforms) {
      if (column === without) continue

      const value = values[column] ?? ''
      if (value === '') continue

      const outcome = transform.apply(value)
      if (outcome.ok) values[column] = outcome.value
    }

    for (const [column, value] of edits ?? []) values[column] = value
    return { ...record, values }
  }

  /** Sets one cell; an edit back to the original value is still an edit. */
  edit(row: number, column: number, value: string): void {
    let cells = this.edits.get(row)
    if (cells === undefined) {
      cells = new Map()
      this.edits.set(row, cells)
    }

    cells.set(column, value)
  }

  /**
   * Takes a column's transform back, so that its cells read as in the file
   * again. Cells the user edited by hand keep their edits. False when the
   * column had no transform.
   */
  undoTransform(column: number): boolean {
    return this.transforms.delete(column)
  }

  /** Columns the user edited in a row. */
  editedColumns(row: number): number[] {
    return [...(this.edits.get(row)?.keys() ?? [])]
  }

  /** Number of edited cells. */
  get editedCells(): number {
    let count = 0
    for (const cells of this.edits.values()) count += cells.size
    return count
  }

  isExcluded(row: number): boolean {
    return this.excluded.has(row)
  }
}

const fixesByFile = new Map<string, FileFixes>()

/** The fixes of an open file (created empty on first use). */
export function fixesFor(fileId: string): FileFixes {
  let fixes = fixesByFile.get(fileId)
  if (fixes === undefined) {
    fixes = new FileFixes()
    fixesByFile.set(fileId, fixes)
  }

  return fixes
}

/** The reason an excluded row shows in the report. */
export const EXCLUDED_BY_YOU = 'Excluded by you'
