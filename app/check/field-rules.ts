import type { CrmField } from '../fields/crm-field.ts'
import type { ProblemCode, ProblemSeverity } from './problem.ts'
import * as is from './value-patterns.ts'

/** One rule a non-empty cell must pass, derived from the field's metadata. */
export interface CellRule {
  code: ProblemCode
  severity: ProblemSeverity
  /** Completes "… is not …" / "… must be …": what the field expects. */
  expects: string
  test: (value: string) => boolean
  /**
   * Set on length rules: the most characters allowed. The checker tests it
   * in place, without calling `test`: nearly every cell has such a rule.
   */
  maxLength?: number
  /** The sentence after the value, when "is not <expects>." reads badly. */
  explain?: (value: string) => string
  /** The corrected value, or a hint, when one exists. */
  fix: (value: string) => string | null
}

const TEXTAREA_LIMITS = { small: 2000, large: 32000, rich_text: 50000 }

function maxLength(limit: number): CellRule {
  return {
    code: 'TOO_LONG',
    severity: 'error',
    expects: `at most ${limit.toLocaleString('en-US')} characters long`,
    test: (value) => value.length <= limit,
    maxLength: limit,
    explain: (value) =>
      `is ${value.length.toLocaleString('en-US')} characters long; at most ${limit.toLocaleString('en-US')} are allowed.`,
    fix: () => `Shorten it to ${limit.toLocaleString('en-US')} characters.`,
  }
}

function trimmedFix(test: (value: string) => boolean) {
  return (value: string): string | null =>
    value.trim() !== value && test(value.trim())
      ? `Use “${value.trim()}” (without the surrounding spaces).`
      : null
}

function pattern(
  code: ProblemCode,
  expects: string,
  test: (value: string) => boolean,
  hint: string | null = null,
): CellRule {
  const trimmed = trimmedFix(test)
  return {
    code,
    severity: 'error',
    expects,
    test,
    fix: (value) => trimmed(value) ?? hint,
  }
}

function picklist(field: CrmField, multi: boolean): CellRule[] {
  if (field.picklistValues.length === 0) return []

  const exact = new Set(field.picklistValues)
  const loose = new Map(
    field.picklistValues.map((v) => [v.trim().toLowerCase(), v]),
  )
  const split = (value: string): string[] =>
    multi ? value.split(';') : [value]
  return [
    {
      code: 'UNKNOWN_PICKLIST_VALUE',
      // Zoho adds unknown values to the picklist instead of refusing them.
      severity: 'warning',
      expects: multi
        ? 'made of values of the picklist, separated by “;”'
        : 'a value of the picklist',
      test: (value) => split(value).every((part) => exact.has(part)),
      fix: (value) => {
        const parts = split(value).map(
          (part) => loose.get(part.trim().toLowerCase()) ?? null,
        )
        if (parts.some((part) => part === null)) {
          return `Choose one of: ${field.picklistValues.slice(0, 8).join(', ')}${field.picklistValues.length > 8 ? ', …' : ''}.`
        }

        return `Use “${parts.join(';')}”.`
      },
    },
  ]
}

function booleanRule(): CellRule {
  const words = /^(yes|no|y|n|true|false|1|0|on|off)$/i
  return {
    code: 'INVALID_BOOLEAN',
    severity: 'error',
    expects: '“true” or “false”',
    test: (value) => value === 'true' || value === 'false',
    fix: (value) =>
      words.test(value.trim())
        ? 'Apply the checkbox transform (yes/no, y/n, 1/0, on/off become true/false).'
        : null,
  }
}

function lookupRule(field: CrmField, findBy: string | null): CellRule[] {
  if (findBy === 'id' || (field.dataType === 'ownerlookup' && !findBy)) {
    return [
      pattern('INVALID_LOOKUP', 'a record id (digits only)', is.isRecordId),
    ]
  }

  if (findBy === 'email') {
    return [pattern('INVALID_LOOKUP', 'a user’s email address', is.isEmail)]
  }

  return [maxLength(255)]
}

/** The rules for a field's non-empty cells, as data, in the order applied. */
export function rulesFor(
  field: CrmField,
  lookupFindBy: string | null = null,
): CellRule[] {
  const length = field.length
  switch (field.dataType) {
    case 'text':
      return [maxLength(length ?? 255)]
    case 'textarea':
      return [maxLength(TEXTAREA_LIMITS[field.textareaType ?? 'small'])]
    case 'email':
      return [
        pattern('INVALID_EMAIL', 'a valid email address', is.isEmail),
        maxLength(length ?? 100),
      ]
    case 'phone':
      return [
        pattern(
          'INVALID_PHONE',
          'a phone number (digits and an optional leading +)',
          is.isPhone,
          'Apply the phone transform: it keeps digits and + and lets you choose what happens to extensions.',
        ),
        maxLength(length ?? 30),
      ]
    case 'website':
      return [
        pattern('INVALID_URL', 'a web address', is.isUrl),
        maxLength(length ?? 255),
      ]
    case 'picklist':
      return picklist(field, false)
    case 'multiselectpicklist':
      return picklist(field, true)
    case 'date':
      return [
        pattern(
          'INVALID_DATE',
          'a date written yyyy-MM-dd',
          is.isIsoDate,
          'Apply the date transform to convert the column to yyyy-MM-dd.',
        ),
      ]
    case 'datetime':
      return [
        pattern(
          'INVALID_DATETIME',
          'a date-time like 2024-05-01T09:30:00+02:00',
          is.isIsoDateTime,
          'Apply the date-time transform and choose the time zone.',
        ),
      ]
    case 'integer':
      return [
        numberRule(
          'a whole number of at most 9 digits',
          is.integerTest(Math.min(length ?? 9, 9)),
        ),
      ]
    case 'bigint':
      return [
        numberRule('a whole number of at most 18 digits', is.integerTest(18)),
      ]
    case 'double':
    case 'currency':
    case 'percent': {
      const fraction = field.decimalPlaces ?? 9
      // Zoho's own limit unless the field's metadata sets a smaller one.
      const whole = Math.min(length ?? 16, 16)
      return [
        numberRule(
          `a number with at most ${whole} digits before the point and ${fraction} after`,
          is.decimalTest(whole, fraction),
        ),
      ]
    }
    case 'boolean':
      return [booleanRule()]
    case 'lookup':
    case 'ownerlookup':
      return lookupRule(field, lookupFindBy)
    case 'other':
      return []
  }
}

function numberRule(expects: string, test: (v: string) => boolean): CellRule {
  return pattern(
    'INVALID_NUMBER',
    expects,
    test,
    'Apply the number transform to remove thousands separators and currency signs.',
  )
}
