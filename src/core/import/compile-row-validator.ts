import { unescapeFormula } from '../escape-formula.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { checkResponseValue } from '../response/check-response-value.ts'
import type { CellType, ImportField } from './import-field.ts'
import { IMPORT_FIELDS, KEY_FIELDS } from './import-fields.ts'
import type { ImportKind } from './import-kinds.ts'
import type { ImportReferences } from './import-references.ts'
import { findPlace } from './index-import-references.ts'
import { parseCell, type CellRefusal } from './parse-cell.ts'
import type { ResolvedColumn } from './resolve-mapping.ts'

export type ValidRow = {
  ok: true
  /** Staging text per field of the kind, in IMPORT_FIELDS order; null = blank (keeps the stored value). */
  values: (string | null)[]
  /** The row's identity within the file (KEY_FIELDS joined). */
  key: string
  /** requiredForNew fields left blank (with their header), for a rejection if the record turns out to be new. */
  blankForNew: BlankCell[]
  /** requiredForNew fields the file has no column for (by name): a new record cannot be made from this row. */
  missingForNew: string[]
}
/** key: the row's identity when its key cells were valid, so that a later duplicate is still caught. */
export type RejectedRow = { ok: false; reason: string; reasons: Reason[]; key?: string }
export type BlankCell = { header: string; field: string }
export type RowResult = ValidRow | RejectedRow

export type CompileRowValidatorInput = {
  kind: ImportKind
  columns: readonly ResolvedColumn[]
  headerCount: number
  references: ImportReferences
  /** The source recorded for a consent whose source cell is blank, e.g. 'import #12'. */
  defaultConsentSource?: string
  /** The import's day in the bank's calendar ('YYYY-MM-DD'): dates that have happened may not be after it. */
  today?: string
  /** The bank's time zone: the clock of a bankClock field's times written without an offset (UTC when absent). */
  timeZone?: string
}

/** Builds the check of one row of cells against the mapping: every rule names its column. */
export function compileRowValidator(input: CompileRowValidatorInput): (cells: readonly string[]) => RowResult {
  const { kind, columns, headerCount, references } = input
  const fields = IMPORT_FIELDS[kind]
  // In the file's column order, so that a rejection lists its problems left to right.
  const slots = columns.map((column) => ({ ...column, slot: fields.indexOf(column.field) })).sort((a, b) => a.index - b.index)
  const keySlots = KEY_FIELDS[kind].map((name) => fields.findIndex((f) => f.name === name))
  const branchSlot = fields.findIndex((f) => f.type === 'branch')
  const regionSlot = fields.findIndex((f) => f.type === 'region')
  const branchColumn = columns.find((c) => c.field.type === 'branch')
  const sourceSlot = kind === 'consents' ? fields.findIndex((f) => f.name === 'source') : -1
  const checkValue = kind === 'responses' ? responseValueCheck(fields, columns) : undefined
  // Unmapped fields a new record needs: the real run's INSERT would hit a NOT NULL, so every row
  // of such a file that turns out to be new is a rejected row — in the dry run as well.
  const missingForNew = fields.filter((f) => f.requiredForNew && !columns.some((c) => c.field === f)).map((f) => f.name)

  return (cells) => {
    const shape = checkShape(cells, headerCount)
    if (shape) return { ok: false, reason: shape, reasons: [reason('import.bad_cell_count', { cells: cells.length, header: headerCount })] }
    const values: (string | null)[] = new Array(fields.length).fill(null)
    const problems: string[] = []
    const reasons: Reason[] = []
    const blankForNew: BlankCell[] = []
    for (const { field, index, header, slot } of slots) {
      // A cell of a downloaded rejections file comes back as it was read (core/escape-formula.ts).
      const text = unescapeFormula(cells[index])
      // PostgreSQL text cannot hold NUL, whatever the column: such a cell is a sign of a binary or
      // mis-encoded file, refused here so that the dry run refuses it too.
      if (text.includes('\u0000')) {
        problems.push(`${describe(header, field.name)}: contains a NUL character`)
        reasons.push(reason('import.nul_character', { column: header, field: field.name }))
        continue
      }
      if (text.trim() === '') {
        if (field.required) {
          problems.push(`${describe(header, field.name)}: required, the cell is blank`)
          reasons.push(reason('import.required_blank', { column: header, field: field.name }))
        } else if (field.requiredForNew) blankForNew.push({ header, field: field.name })
        continue
      }
      const parsed = parseCell({ type: field.type, text, maxLength: field.maxLength, references, ...(field.bankClock && { timeZone: input.timeZone }) })
      if (!parsed.ok) {
        problems.push(`${describe(header, field.name)} ${JSON.stringify(shown(text))}: ${parsed.rule}`)
        reasons.push(cellReason(parsed, header, field.name, text))
      } else if (field.notFuture && input.today !== undefined && parsed.value.slice(0, 10) > input.today) {
        problems.push(`${describe(header, field.name)} ${JSON.stringify(shown(text))}: a date in the future (after ${input.today})`)
        reasons.push(reason('import.future_date', { column: header, field: field.name, value: shown(text), today: input.today }))
      } else values[slot] = parsed.value
    }
    const key = keySlots.every((slot) => values[slot] !== null) ? keySlots.map((slot) => keyPart(fields[slot].type, values[slot]!)).join('\u0001') : undefined
    if (problems.length === 0 && checkValue) {
      const refusal = checkValue(values)
      if (refusal) {
        problems.push(refusal.message)
        reasons.push(refusal.reason)
      }
    }
    if (problems.length > 0) return { ok: false, reason: problems.join('; '), reasons, ...(key !== undefined && { key }) }
    if (branchColumn && regionSlot >= 0 && values[regionSlot] === null && values[branchSlot] !== null) {
      values[regionSlot] = findPlace(references.branches, cells[branchColumn.index], 'branch')?.regionCode ?? null
    }
    if (sourceSlot >= 0 && values[sourceSlot] === null) values[sourceSlot] = input.defaultConsentSource ?? null
    return { ok: true, values, key: key!, blankForNew, missingForNew }
  }
}

/** A time is the same key however its offset is written: '10:00+03:00' repeats '07:00Z'. */
function keyPart(type: CellType, value: string): string {
  return type === 'timestamp' ? new Date(value).toISOString() : value
}

/** A response's value against its type (core/response/check-response-value.ts), the value column named as the file names it. */
function responseValueCheck(fields: readonly ImportField[], columns: readonly ResolvedColumn[]) {
  const typeSlot = fields.findIndex((f) => f.name === 'type')
  const valueSlot = fields.findIndex((f) => f.name === 'value')
  const column = columns.find((c) => c.field.name === 'value')?.header ?? 'value'
  return (values: readonly (string | null)[]) => {
    const value = values[valueSlot]
    const refusal = checkResponseValue({ type: values[typeSlot] as ResponseType, value, column })
    if (!refusal) return undefined
    const quoted = value === null ? '' : ` ${JSON.stringify(value)}`
    return { message: `${describe(column, 'value')}${quoted}: ${refusal.rule}`, reason: refusal.reason }
  }
}

function checkShape(cells: readonly string[], headerCount: number): string | undefined {
  if (cells.length < headerCount) return `the row has ${cells.length} cells, the header has ${headerCount}`
  for (let i = headerCount; i < cells.length; i++) {
    if (cells[i].trim() !== '') return `the row has ${cells.length} cells, the header has ${headerCount}`
  }
  return undefined
}

/** 'column "Дата рождения" (birth_date)' — the header as the user sees it, and the field. */
export function describe(header: string, fieldName: string): string {
  return header === fieldName ? `column "${header}"` : `column "${header}" (${fieldName})`
}

/** The cell as a rejection quotes it: trimmed, and cut at 40 characters. */
function shown(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed
}

function cellReason(refusal: CellRefusal, column: string, field: string, text: string): Reason {
  const params = { column, field, value: shown(text) }
  return refusal.code === 'import.too_long' ? reason('import.too_long', { ...params, limit: refusal.limit ?? null }) : { code: refusal.code, ...params }
}
