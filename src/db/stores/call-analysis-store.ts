import { sql, type Kysely, type RawBuilder } from 'kysely'
import { CALL_LOG_OUTCOMES, type CallLogOutcome } from '../../contract/call-log.ts'
import { REPEAT_WINDOW_MS } from '../../core/call-log/find-repeated-calls.ts'
import { periodDays, roundSeconds, type CallSummary } from '../../core/call-log/summarise-calls.ts'
import { bankDayStartSql } from '../../core/bank-day-sql.ts'
import type { Schema } from '../schema.ts'

// The call-centre analysis in SQL: the twin of core/call-log/summarise-calls.ts, which defines it
// (a test holds the two equal on random calls). The period is bank days, both ends included.

export type CallPeriod = { from: string; to: string; timeZone: string }

/**
 * Whether the inbound call `c` was repeated: another inbound call of its client within 168 hours
 * after it (core/call-log/find-repeated-calls.ts) — found by the (client_id, started_at) key.
 */
export const REPEATED_SQL = sql<boolean>`(c.direction = 'inbound' AND EXISTS (
  SELECT 1 FROM calls n WHERE n.client_id = c.client_id AND n.direction = 'inbound'
    AND n.started_at > c.started_at AND n.started_at <= c.started_at + ${REPEAT_WINDOW_MS} * interval '1 millisecond'))`

/** The condition that a call `c` began in the period. */
export function inPeriodSql({ from, to, timeZone }: CallPeriod): RawBuilder<boolean> {
  return sql<boolean>`c.started_at >= ${bankDayStartSql(from, timeZone)} AND c.started_at < ${bankDayStartSql(to, timeZone)} + interval '1 day'`
}

// Handle time over the talked calls (all but dropped), as percentile_cont: numpy's linear percentiles.
const HANDLE_TIME = sql`
  percentile_cont(0.5) WITHIN GROUP (ORDER BY c.duration_seconds) FILTER (WHERE c.outcome <> 'dropped') AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY c.duration_seconds) FILTER (WHERE c.outcome <> 'dropped') AS p90`
const RESOLUTION = sql`count(*) FILTER (WHERE c.direction = 'inbound') AS inbound, count(*) FILTER (WHERE c.repeated) AS repeated`

type Aggregates = { median: number | null; p90: number | null; inbound: string; repeated: string }

export async function summariseCallPeriod(db: Kysely<Schema>, period: CallPeriod): Promise<CallSummary> {
  const marked = sql`(SELECT c.*, ${REPEATED_SQL} AS repeated FROM calls c WHERE ${inPeriodSql(period)}) AS c`
  const totals = await sql<Aggregates & { calls: string; outbound: string; clients: string }>`
    SELECT count(*) AS calls, count(*) FILTER (WHERE c.direction = 'outbound') AS outbound, count(DISTINCT c.client_id) AS clients,
      ${HANDLE_TIME}, ${RESOLUTION}
    FROM ${marked}`.execute(db)
  const reasons = await sql<Aggregates & { reason: string; calls: string }>`
    SELECT c.reason, count(*) AS calls, ${HANDLE_TIME}, ${RESOLUTION} FROM ${marked}
    GROUP BY c.reason ORDER BY count(*) DESC, c.reason COLLATE "C"`.execute(db)
  const plain = sql`(SELECT * FROM calls c WHERE ${inPeriodSql(period)}) AS c`
  const outcomes = await sql<{ outcome: CallLogOutcome; calls: string }>`SELECT c.outcome, count(*) AS calls FROM ${plain} GROUP BY c.outcome`.execute(db)
  const local = sql`(c.started_at AT TIME ZONE ${period.timeZone}::text)`
  const days = await sql<{ day: string; calls: string }>`
    SELECT to_char(${local}::date, 'YYYY-MM-DD') AS day, count(*) AS calls FROM ${plain} GROUP BY 1`.execute(db)
  const hours = await sql<{ weekday: number; hour: number; calls: string }>`
    SELECT extract(isodow FROM ${local})::int AS weekday, extract(hour FROM ${local})::int AS hour, count(*) AS calls
    FROM ${plain} GROUP BY 1, 2 ORDER BY 1, 2`.execute(db)

  const t = totals.rows[0]
  const calls = Number(t.calls)
  const dayCounts = new Map(days.rows.map((r) => [r.day, Number(r.calls)]))
  const outcomeCounts = new Map(outcomes.rows.map((r) => [r.outcome, Number(r.calls)]))
  return {
    totals: { calls, inbound: Number(t.inbound), outbound: Number(t.outbound), clients: Number(t.clients), ...handleTime(t) },
    firstCallResolution: resolution(t),
    byReason: reasons.rows.map((r) => ({ reason: r.reason, calls: Number(r.calls), ...handleTime(r), firstCallResolution: resolution(r) })),
    byOutcome: CALL_LOG_OUTCOMES.map((outcome) => ({ outcome, calls: outcomeCounts.get(outcome) ?? 0 })),
    byDay: periodDays(period.from, period.to).map((day) => ({ day, calls: dayCounts.get(day) ?? 0 })),
    byHour: hours.rows.map((r) => ({ weekday: r.weekday, hour: r.hour, calls: Number(r.calls) })),
  }
}

function handleTime(row: Aggregates) {
  return { medianSeconds: row.median === null ? null : roundSeconds(Number(row.median)), p90Seconds: row.p90 === null ? null : roundSeconds(Number(row.p90)) }
}

function resolution(row: Aggregates) {
  const inbound = Number(row.inbound)
  const repeated = Number(row.repeated)
  return { inbound, repeated, share: inbound === 0 ? null : (inbound - repeated) / inbound }
}

export type CallListFilter = CallPeriod & { reason?: string; outcome?: CallLogOutcome; repeated?: boolean; limit: number; offset: number }

export type CallRow = {
  id: number; clientId: number; bankId: string; clientName: string; startedAt: Date; direction: 'inbound' | 'outbound'; phone: string
  reason: string; durationSeconds: number; outcome: CallLogOutcome; operator: string | null; repeated: boolean
}

/** The period's calls, newest first, with their clients and whether each was repeated; and how many match. */
export async function listPeriodCalls(db: Kysely<Schema>, filter: CallListFilter): Promise<{ total: number; rows: CallRow[] }> {
  const where = sql.join([
    inPeriodSql(filter),
    ...(filter.reason === undefined ? [] : [sql`c.reason = ${filter.reason}`]),
    ...(filter.outcome === undefined ? [] : [sql`c.outcome = ${filter.outcome}`]),
    ...(filter.repeated === undefined ? [] : [filter.repeated ? REPEATED_SQL : sql`NOT ${REPEATED_SQL}`]),
  ], sql` AND `)
  const total = await sql<{ n: string }>`SELECT count(*) AS n FROM calls c WHERE ${where}`.execute(db)
  const rows = await sql<{ id: string; client_id: string; bank_id: string; full_name: string; started_at: Date; direction: 'inbound' | 'outbound'
    phone: string; reason: string; duration_seconds: number; outcome: CallLogOutcome; operator: string | null; repeated: boolean }>`
    SELECT c.id, c.client_id, cl.bank_id, cl.full_name, c.started_at, c.direction, c.phone, c.reason, c.duration_seconds, c.outcome,
      c.operator, ${REPEATED_SQL} AS repeated
    FROM calls c JOIN clients cl ON cl.id = c.client_id
    WHERE ${where} ORDER BY c.started_at DESC, c.id DESC LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db)
  return {
    total: Number(total.rows[0].n),
    rows: rows.rows.map((r) => ({
      id: Number(r.id), clientId: Number(r.client_id), bankId: r.bank_id, clientName: r.full_name, startedAt: new Date(r.started_at), direction: r.direction,
      phone: r.phone, reason: r.reason, durationSeconds: r.duration_seconds, outcome: r.outcome, operator: r.operator, repeated: r.repeated,
    })),
  }
}
