import type { Metadata } from './metadata.ts'
import { hasValue } from './metadata.ts'
import type { CrmRecord } from './record-table.ts'
import type { FieldMeta } from './seed/field-builder.ts'
import type { ModuleSeed } from './seed/module-builder.ts'
import type { CrmUser } from './seed/org.ts'
import type { Store } from './store.ts'
import { zohoTime } from './http-util.ts'
import type { FieldMapping, Operation } from './types.ts'
import { checkCell } from './value-rules.ts'

/** What LocalCRM needs to apply rows of one job. */
export interface RowContext {
  module: ModuleSeed
  operation: Operation
  findBy: string | null
  ignoreEmpty: boolean
  mappings: FieldMapping[]
  metadata: Metadata
  store: Store
  users: CrmUser[]
  now: () => number
}

/** One row's line in the result CSV. */
export interface RowOutcome {
  status: 'ADDED' | 'UPDATED' | 'SKIPPED'
  recordId: string
  errors: string
}

interface Cell {
  mapping: FieldMapping
  field: FieldMeta | undefined
  text: string
}

/** Collects `CODE-field` errors and prints them Zoho's way. */
class Errors {
  private readonly byCode = new Map<string, string[]>()

  add(code: string, field: string): void {
    const fields = this.byCode.get(code) ?? []
    if (!fields.includes(field)) fields.push(field)
    this.byCode.set(code, fields)
  }

  has(code: string, field: string): boolean {
    return this.byCode.get(code)?.includes(field) ?? false
  }

  get empty(): boolean {
    return this.byCode.size === 0
  }

  /** `MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email` */
  toString(): string {
    return [...this.byCode]
      .map(([code, fields]) => `${code}-${fields.join(',')}`)
      .join(':')
  }
}

const skipped = (errors: Errors): RowOutcome => ({
  status: 'SKIPPED',
  recordId: '',
  errors: errors.toString(),
})

/**
 * Applies one CSV row with Zoho's row rules (reference §3.9): match on
 * `find_by`, type and length checks, lookups and owners, mandatory fields,
 * unique values against stored records (and so against earlier rows of the
 * same file), picklist values added when new. Written independently of the
 * client's checks in app/ so the two check each other.
 */
export function processRow(row: string[], ctx: RowContext): RowOutcome {
  const errors = new Errors()
  const table = ctx.store.table(ctx.module.info.api_name)
  const cells = ctx.mappings.map((mapping) => cellOf(row, mapping, ctx.module))

  let existing: CrmRecord | undefined
  if (ctx.findBy !== null) {
    const key = cells.find((c) => c.mapping.api_name === ctx.findBy)?.text ?? ''
    if (key !== '') existing = findExisting(ctx, key)

    if (ctx.operation === 'update' && key === '')
      errors.add('MANDATORY_NOT_FOUND', ctx.findBy)
    else if (ctx.operation === 'update' && !existing)
      errors.add('RESOURCE_NOT_FOUND', ctx.findBy)
    else if (ctx.operation === 'insert' && existing)
      errors.add('DUPLICATE_DATA', ctx.findBy)
    if (!errors.empty) return skipped(errors)
  }

  const inserting = existing === undefined
  const patch: Record<string, unknown> = {}
  const newPicklistValues: [string, string][] = []
  for (const { mapping, field, text } of cells) {
    if (!field) continue

    if (text === '') {
      if (!inserting && !ctx.ignoreEmpty) patch[field.api_name] = null
      continue
    }
    const value = valueOf(field, text, mapping, ctx)
    if ('error' in value) {
      errors.add(value.error, field.api_name)
      continue
    }
    patch[field.api_name] = value.value
    for (const v of picklistAdditions(field, value.value))
      newPicklistValues.push([field.api_name, v])
  }

  const layoutChosen = ctx.mappings.some((m) => m.api_name === 'Layout')
  for (const field of ctx.metadata.requiredFields(ctx.module, layoutChosen)) {
    const name = field.api_name
    const missing = inserting
      ? patch[name] === undefined || patch[name] === null
      : patch[name] === null
    if (missing && !errors.has('INVALID_DATA', name))
      errors.add('MANDATORY_NOT_FOUND', name)
  }

  for (const field of ctx.module.fields) {
    const value = patch[field.api_name]
    if (field.unique.casesensitive === undefined || typeof value !== 'string')
      continue

    const clash = table
      .findBy(field.api_name, value, field.unique.casesensitive === 'true')
      .some((r) => r.id !== existing?.id)
    if (clash) errors.add('DUPLICATE_DATA', field.api_name)
  }
  if (!errors.empty) return skipped(errors)

  const record = save(existing, patch, ctx)
  for (const [field, value] of newPicklistValues) {
    ctx.metadata.addPicklistValue(ctx.module.info.api_name, field, value)
  }
  return {
    status: inserting ? 'ADDED' : 'UPDATED',
    recordId: record.id,
    errors: '',
  }
}

function cellOf(
  row: string[],
  mapping: FieldMapping,
  module: ModuleSeed,
): Cell {
  let text = mapping.index === null ? '' : (row[mapping.index] ?? '')
  const fallback = mapping.default_value?.value
  if (text.trim() === '' && fallback !== undefined && fallback !== null)
    text = String(fallback)
  const field = module.fields.find((f) => f.api_name === mapping.api_name)
  return { mapping, field, text: text.trim() === '' ? '' : text }
}

function findExisting(ctx: RowContext, key: string): CrmRecord | undefined {
  const table = ctx.store.table(ctx.module.info.api_name)
  if (ctx.findBy === 'id') return table.get(key.trim())

  const field = ctx.module.fields.find((f) => f.api_name === ctx.findBy)
  return table.findBy(
    ctx.findBy ?? '',
    key,
    field?.unique.casesensitive === 'true',
  )[0]
}

function valueOf(
  field: FieldMeta,
  text: string,
  mapping: FieldMapping,
  ctx: RowContext,
): { value: unknown } | { error: string } {
  if (field.data_type === 'ownerlookup') {
    const by = (mapping.find_by ?? 'id').toLowerCase()
    const user = ctx.users.find((u) =>
      by === 'email'
        ? u.email.toLowerCase() === text.trim().toLowerCase()
        : u.id === text.trim(),
    )
    return user
      ? { value: { id: user.id, name: user.full_name, email: user.email } }
      : { error: 'RESOURCE_NOT_FOUND' }
  }

  if (field.data_type === 'lookup') {
    const target = field.lookup.module?.api_name ?? ''
    const seed = ctx.metadata.module(target)
    const table = ctx.store.table(target)
    const by = mapping.find_by ?? 'id'
    const targetField = seed?.fields.find((f) => f.api_name === by)
    const found =
      by === 'id'
        ? table.get(text.trim())
        : table.findBy(
            by,
            text,
            targetField?.unique.casesensitive === 'true',
          )[0]
    if (!found || !seed) return { error: 'RESOURCE_NOT_FOUND' }

    return { value: { id: found.id, name: found[seed.nameField] ?? null } }
  }

  const checked = checkCell(field, text, mapping.format)
  return checked.ok ? { value: checked.value } : { error: 'INVALID_DATA' }
}

function picklistAdditions(field: FieldMeta, value: unknown): string[] {
  if (field.data_type === 'picklist' && typeof value === 'string') {
    return hasValue(field, value) ? [] : [value]
  }
  if (field.data_type === 'multiselectpicklist' && Array.isArray(value)) {
    return value.filter(
      (v): v is string => typeof v === 'string' && !hasValue(field, v),
    )
  }
  return []
}

function save(
  existing: CrmRecord | undefined,
  patch: Record<string, unknown>,
  ctx: RowContext,
): CrmRecord {
  const user = ctx.users[0]
  const who = user
    ? { id: user.id, name: user.full_name, email: user.email }
    : null
  const time = zohoTime(ctx.now())
  const record: CrmRecord = existing
    ? { ...existing }
    : {
        id: ctx.store.nextId(),
        Owner: who,
        Created_By: who,
        Created_Time: time,
        Layout: { id: ctx.metadata.layoutId(ctx.module), name: 'Standard' },
      }
  Object.assign(record, patch, { Modified_By: who, Modified_Time: time })
  if (ctx.module.fields.some((f) => f.api_name === 'Full_Name')) {
    record.Full_Name = [record.First_Name, record.Last_Name]
      .filter((p) => typeof p === 'string' && p !== '')
      .join(' ')
  }
  ctx.store.table(ctx.module.info.api_name).put(record)
  return record
}
