import { isBusinessOutcome, isTechnicalOutcome, type BusinessOutcome, type TechnicalOutcome } from '../../contract/call-outcomes.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import { bankDayStart } from '../bank-day.ts'
import { CALL_LIST_COLUMNS, type CallListColumnKey } from './call-list-columns.ts'

export type CallRow = {
  bankId: string
  technical: TechnicalOutcome
  business: BusinessOutcome | null
  /** ms since the epoch; null: the time of the import. */
  calledAt: number | null
  callbackAt: number | null
  note: string | null
}

export type ParsedCallRow = { kind: 'call'; row: CallRow } | { kind: 'not_called' } | { kind: 'rejected'; reason: Reason }

const header = (key: CallListColumnKey, language: 'ru' | 'en') => CALL_LIST_COLUMNS.find((c) => c.key === key)![language]

/**
 * One row of an external call centre's file: the client's bank id, the technical outcome (a code:
 * no_answer, connected…), the business outcome when connected, the call's time and a callback's,
 * as `dd.mm.yyyy hh:mm` in the bank's time zone or ISO 8601 with an offset. A row without a
 * technical outcome was not called. The outcome's own rules (core/call-centre/check-call-outcome.ts)
 * are checked when it is applied.
 */
export function parseCallRow(cells: Partial<Record<CallListColumnKey, string>>, input: { timeZone: string; language: 'ru' | 'en' }): ParsedCallRow {
  const text = (key: CallListColumnKey) => cells[key]?.trim() ?? ''
  const technical = text('technical').toLowerCase()
  if (technical === '') return { kind: 'not_called' }
  const bankId = text('bank_id')
  if (bankId === '') return { kind: 'rejected', reason: reason('call.import_unknown_client', { value: '' }) }
  if (!isTechnicalOutcome(technical)) return { kind: 'rejected', reason: reason('call.import_unknown_outcome', { column: header('technical', input.language), value: text('technical') }) }
  const business = text('business').toLowerCase()
  if (business !== '' && !isBusinessOutcome(business)) {
    return { kind: 'rejected', reason: reason('call.import_unknown_outcome', { column: header('business', input.language), value: text('business') }) }
  }
  const times: Partial<Record<'called_at' | 'callback_at', number | null>> = {}
  for (const key of ['called_at', 'callback_at'] as const) {
    // A callback time counts only with a callback: the exported file carries the pending one in the same column.
    if (key === 'callback_at' && business !== 'callback') continue
    const value = text(key)
    const parsed = value === '' ? null : parseCallTime(value, input.timeZone)
    if (parsed === undefined) return { kind: 'rejected', reason: reason('call.import_bad_time', { column: header(key, input.language), value }) }
    times[key] = parsed
  }
  return {
    kind: 'call',
    row: { bankId, technical, business: business === '' ? null : (business as BusinessOutcome), calledAt: times.called_at ?? null, callbackAt: times.callback_at ?? null, note: text('note') || null },
  }
}

const LOCAL = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** `dd.mm.yyyy hh:mm` in the bank's zone, or ISO 8601 with its offset; undefined when it is neither or no such moment. */
export function parseCallTime(text: string, timeZone: string): number | undefined {
  if (ISO.test(text)) {
    const at = Date.parse(text)
    return Number.isNaN(at) ? undefined : at
  }
  const match = LOCAL.exec(text)
  if (!match) return undefined
  const [, dd, mm, yyyy, hh = '0', min = '0'] = match
  const day = `${yyyy}-${mm}-${dd}`
  const check = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return undefined
  if (Number(hh) > 23 || Number(min) > 59) return undefined
  return bankDayStart(day, timeZone) + (Number(hh) * 60 + Number(min)) * 60_000
}
