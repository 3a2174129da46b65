import { CALL_LOG_OUTCOMES, type CallDirection, type CallLogOutcome } from '../../contract/call-log.ts'
import type { CallAnalysis } from '../../contract/call-log-schemas.ts'
import { bankDayStart, bankHour } from '../bank-day.ts'
import { linearPercentile } from '../stats/linear-percentile.ts'
import { findRepeatedCalls } from './find-repeated-calls.ts'

// The call-centre analysis, defined on a list of calls: the store answers the same in SQL for a
// bank's millions (db/stores/call-analysis-store.ts), and a test holds the two equal.

export type CallFact = { clientId: number; startedAt: number; direction: CallDirection; reason: string; durationSeconds: number; outcome: CallLogOutcome }

export type SummariseCallsInput = {
  /** The period's calls and any later ones (a repeat may come after the period ends). */
  calls: readonly CallFact[]
  from: string
  to: string
  timeZone: string
}

export type CallSummary = Omit<CallAnalysis, 'from' | 'to' | 'timeZone'>

const DAY_MS = 86_400_000

export function summariseCalls({ calls, from, to, timeZone }: SummariseCallsInput): CallSummary {
  const start = bankDayStart(from, timeZone)
  const end = bankDayStart(nextDay(to), timeZone)
  const repeated = findRepeatedCalls(calls)
  const inPeriod = calls.map((call, index) => ({ call, repeated: repeated.has(index) })).filter(({ call }) => call.startedAt >= start && call.startedAt < end)
  const period = inPeriod.map(({ call }) => call)

  const reasons = new Map<string, typeof inPeriod>()
  for (const entry of inPeriod) reasons.set(entry.call.reason, [...(reasons.get(entry.call.reason) ?? []), entry])
  const byReason = [...reasons].map(([reason, entries]) => ({
    reason, calls: entries.length, ...handleTime(entries.map((e) => e.call)), firstCallResolution: resolution(entries),
  })).sort((a, b) => b.calls - a.calls || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))

  const days = new Map<string, number>(periodDays(from, to).map((day) => [day, 0]))
  const hours = new Map<string, { weekday: number; hour: number; calls: number }>()
  for (const call of period) {
    const local = bankHour(new Date(call.startedAt), timeZone)
    days.set(local.day, (days.get(local.day) ?? 0) + 1)
    const key = `${local.isoWeekday}:${String(local.hour).padStart(2, '0')}`
    const cell = hours.get(key) ?? { weekday: local.isoWeekday, hour: local.hour, calls: 0 }
    cell.calls++
    hours.set(key, cell)
  }
  return {
    totals: {
      calls: period.length,
      inbound: period.filter((c) => c.direction === 'inbound').length,
      outbound: period.filter((c) => c.direction === 'outbound').length,
      clients: new Set(period.map((c) => c.clientId)).size,
      ...handleTime(period),
    },
    firstCallResolution: resolution(inPeriod),
    byReason,
    byOutcome: CALL_LOG_OUTCOMES.map((outcome) => ({ outcome, calls: period.filter((c) => c.outcome === outcome).length })),
    byDay: [...days].map(([day, count]) => ({ day, calls: count })),
    byHour: [...hours].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, cell]) => cell),
  }
}

/** Median and 90th percentile of the talked calls' durations (a dropped call was never handled). */
function handleTime(calls: readonly CallFact[]): { medianSeconds: number | null; p90Seconds: number | null } {
  const talked = calls.filter((c) => c.outcome !== 'dropped').map((c) => c.durationSeconds).sort((a, b) => a - b)
  if (talked.length === 0) return { medianSeconds: null, p90Seconds: null }
  return { medianSeconds: roundSeconds(linearPercentile(talked, 0.5)), p90Seconds: roundSeconds(linearPercentile(talked, 0.9)) }
}

/** Handle times are told to a tenth of a second, so that SQL's and JavaScript's last bits do not differ. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 10) / 10
}

function resolution(entries: readonly { call: CallFact; repeated: boolean }[]) {
  const inbound = entries.filter((e) => e.call.direction === 'inbound')
  const repeated = inbound.filter((e) => e.repeated).length
  return { inbound: inbound.length, repeated, share: inbound.length === 0 ? null : (inbound.length - repeated) / inbound.length }
}

/** The bank days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = nextDay(day)) days.push(day)
  return days
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
}
