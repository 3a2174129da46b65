import type { Kysely } from 'kysely'
import type { CallPeriodQuery } from '../../contract/call-log-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { bankDay } from '../../core/bank-day.ts'
import { periodDays } from '../../core/call-log/summarise-calls.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { CallPeriod } from '../../db/stores/call-analysis-store.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'

/** The last 30 bank days, today included, when the reader names no period. */
const DEFAULT_DAYS = 30
/** A year and a quarter at most: a year against the same quarter of the year before. */
const MAX_DAYS = 460

/** The period of bank days the reader asked for, defaults filled in on the bank's clock. */
export async function resolveCallPeriod(db: Kysely<Schema>, query: CallPeriodQuery & { now: Date }): Promise<CallPeriod> {
  const timeZone = await readBankTimeZone(db)
  const to = query.to ?? bankDay(query.now, timeZone)
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10)
  const days = from <= to ? periodDays(from, to).length : 0
  if (days > MAX_DAYS) throw new DomainError('invalid_input', `the period has ${days} days; the call analysis reads at most ${MAX_DAYS}`, reason('call.period_too_long', { days, max: MAX_DAYS }))
  if (days === 0) throw new DomainError('invalid_input', 'the period ends before it begins', reason('request.invalid', { field: 'to', issue: 'must not be before from' }))
  return { from, to, timeZone }
}
