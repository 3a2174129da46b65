import type { ReasonCode } from '../../contract/reason-codes.ts'
import { normalizePhone } from '../normalize-phone.ts'
import { CALL_REASON_MAX_LENGTH, parseCallReason } from './parse-call-reason.ts'
import { DURATION_RULE, NEGATIVE_DURATION_RULE, parseDurationCell } from './parse-duration-cell.ts'
import type { CellType } from './import-field.ts'
import type { ImportReferences } from './import-references.ts'
import { findPlace } from './index-import-references.ts'
import { BOOLEAN_RULE, GRANT_RULE, parseBooleanCell, parseGrantCell } from './parse-boolean-cell.ts'
import { COUNT_RULE, parseCountCell } from './parse-count-cell.ts'
import { DATE_RULE, parseDateCell } from './parse-date-cell.ts'
import { ENUM_RULES, parseEnumCell } from './parse-enum-cell.ts'
import { MONTH_RULE, parseMonthCell } from './parse-month-cell.ts'
import { NUMBER_RULE, parseNumberCell } from './parse-number-cell.ts'
import { parseTimestampCell, TIMESTAMP_RULE } from './parse-timestamp-cell.ts'
import { parseUtcOffsetCell, UTC_OFFSET_RULE } from './parse-utc-offset-cell.ts'

/** A refused cell: the rule in English (for logs and the stored text) and its reason code
 * (contract/reason-codes.ts) for the user's language; `limit` for a text that is too long. */
export type CellRefusal = { ok: false; rule: string; code: CellReasonCode; limit?: number }
export type CellResult = { ok: true; value: string } | CellRefusal
export type CellReasonCode = Extract<ReasonCode, 'import.too_long' | `import.bad_${CellType}` | 'import.bad_number' | 'import.negative_duration' |
  `import.unknown_${'branch' | 'region' | 'product' | 'manager'}`>

export type ParseCellInput = {
  type: CellType
  /** The cell, not blank. */
  text: string
  maxLength?: number
  references: ImportReferences
  /** A timestamp without an offset is read on this zone's clock (a field with bankClock); else UTC. */
  timeZone?: string
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const CONTROL = /[\u0000-\u001f\u007f]/
const DEFAULT_MAX_LENGTH = 200

/** Reads one non-blank cell into its staging text ('1990-05-01', '79123456789', 't', a branch id…). */
export function parseCell({ type, text, maxLength, references, timeZone }: ParseCellInput): CellResult {
  switch (type) {
    case 'key':
    case 'text':
      return parseText(text, maxLength ?? DEFAULT_MAX_LENGTH)
    case 'date':
      return result(parseDateCell(text), DATE_RULE, 'import.bad_date')
    case 'month':
      return result(parseMonthCell(text), MONTH_RULE, 'import.bad_month')
    case 'timestamp':
      return result(parseTimestampCell(text, timeZone), TIMESTAMP_RULE, 'import.bad_timestamp')
    case 'money':
      return result(parseNumberCell(text, 12), NUMBER_RULE, 'import.bad_number')
    case 'count':
      return result(parseCountCell(text), COUNT_RULE, 'import.bad_count')
    case 'boolean':
      return result(parseBooleanCell(text), BOOLEAN_RULE, 'import.bad_boolean')
    case 'grant':
      return result(parseGrantCell(text), GRANT_RULE, 'import.bad_grant')
    case 'phone':
      return result(normalizePhone(text), 'expected a phone number such as +7 912 345-67-89', 'import.bad_phone')
    case 'email':
      return parseEmail(text, maxLength ?? DEFAULT_MAX_LENGTH)
    case 'gender':
    case 'segment':
    case 'client_status':
    case 'channel':
    case 'response_type':
    case 'call_outcome':
    case 'call_direction':
      return result(parseEnumCell(type, text), ENUM_RULES[type], `import.bad_${type}`)
    case 'duration':
      return parseDuration(text)
    case 'call_reason':
      return result(parseCallReason(text), `longer than ${CALL_REASON_MAX_LENGTH} characters`, 'import.too_long', CALL_REASON_MAX_LENGTH)
    case 'branch':
      return result(findPlace(references.branches, text, 'branch')?.id.toString(), 'unknown branch code', 'import.unknown_branch')
    case 'region':
      return result(findPlace(references.regions, text, 'region'), 'unknown region', 'import.unknown_region')
    case 'product':
      return result(references.products.get(lower(text)), 'unknown product code', 'import.unknown_product')
    case 'manager':
      return result(references.managers.get(lower(text))?.toString(), 'unknown user login', 'import.unknown_manager')
    case 'utc_offset':
      return result(parseUtcOffsetCell(text), UTC_OFFSET_RULE, 'import.bad_utc_offset')
    default:
      return assertNever(type)
  }
}

function parseText(text: string, maxLength: number): CellResult {
  const value = text.trim()
  if (value.length > maxLength) return { ok: false, rule: `longer than ${maxLength} characters`, code: 'import.too_long', limit: maxLength }
  return { ok: true, value }
}

function parseEmail(text: string, maxLength: number): CellResult {
  const value = text.trim().toLowerCase()
  // NUL never gets here (compile-row-validator refuses it in any cell), but the e-mail rule
  // itself must not let control characters through: they break the COPY into staging.
  if (value.length > maxLength || !EMAIL.test(value) || CONTROL.test(value)) return { ok: false, rule: 'expected an e-mail address', code: 'import.bad_email' }
  return { ok: true, value }
}

function result(value: string | undefined, rule: string, code: CellReasonCode, limit?: number): CellResult {
  if (value !== undefined) return { ok: true, value }
  return limit === undefined ? { ok: false, rule, code } : { ok: false, rule, code, limit }
}

function parseDuration(text: string): CellResult {
  const duration = parseDurationCell(text)
  if (duration.ok) return { ok: true, value: String(duration.seconds) }
  return duration.negative
    ? { ok: false, rule: NEGATIVE_DURATION_RULE, code: 'import.negative_duration' }
    : { ok: false, rule: DURATION_RULE, code: 'import.bad_duration' }
}

function lower(text: string): string {
  return text.trim().toLowerCase()
}

function assertNever(value: never): never {
  throw new Error(`unexpected cell type ${String(value)}`)
}
