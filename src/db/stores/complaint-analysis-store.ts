import { sql, type Kysely } from 'kysely'
import { COMPLAINT_CATEGORIES } from '../../contract/complaint-categories.ts'
import { REPEAT_COMPLAINT_DAYS } from '../../contract/complaint-statuses.ts'
import { bankDateSql } from '../../core/bank-day-sql.ts'
import type { Schema } from '../schema.ts'

export const ANALYSIS_DIMENSIONS = ['category', 'product', 'branch', 'channel', 'month'] as const
export type AnalysisDimension = (typeof ANALYSIS_DIMENSIONS)[number]

export type AnalysisCounts = {
  /** null: the total; else which dimension the row groups by. */
  dimension: AnalysisDimension | null
  key: string | null
  count: number
  resolved: number
  /** Resolved ones that had a due date, and those of them answered by it. */
  resolvedWithDue: number
  resolvedWithinSla: number
  medianDaysToResolve: number | null
  repeats: number
}

// GROUPING(category, product, branch, channel, month) of each grouping set: a bit per column, 1 where the row does not group by it.
const DIMENSION_OF_GROUPING: Record<number, AnalysisDimension | null> = { 15: 'category', 23: 'product', 27: 'branch', 29: 'channel', 30: 'month', 31: null }

/**
 * The complaints received on bank days from..to, counted by top category, product type (the
 * complaint's product, else its category's), branch, channel and month of receipt, and in total —
 * one scan with grouping sets. A repeat is a complaint received within REPEAT_COMPLAINT_DAYS of the
 * same client's previous one (any category, the previous one possibly before `from`). Days to
 * resolve are calendar days from receipt to resolution (closed_at); within SLA: resolved on a bank
 * day on or before the due date.
 */
export async function countComplaintAnalysis(db: Kysely<Schema>, input: { from: string; to: string; timeZone: string }): Promise<AnalysisCounts[]> {
  const tops = COMPLAINT_CATEGORIES.filter((c) => c.parent === null)
  const categoryProducts = sql.join(tops.map((c) => sql`(${c.code}::text, ${c.product}::text)`))
  const receivedOn = bankDateSql(sql`q.received_at`, input.timeZone)
  const rows = await sql<{ grouping: number; category: string | null; product: string | null; branch: string | null; channel: string | null; month: string | null; count: string; resolved: string; with_due: string; within: string; median: number | null; repeats: string }>`
    WITH ranked AS (
      SELECT q.*, ${receivedOn} AS received_on,
        (q.received_at - lag(q.received_at) OVER (PARTITION BY q.client_id ORDER BY q.received_at, q.id)) <= make_interval(days => ${REPEAT_COMPLAINT_DAYS}::int) AS repeat
      FROM complaints q WHERE ${receivedOn} <= ${input.to}::date
    ), base AS (
      SELECT split_part(r.category, '.', 1) AS category, coalesce(p.type, cp.product) AS product, b.name AS branch, r.channel,
        to_char(r.received_on, 'YYYY-MM') AS month, r.closed_at, r.sla_due_on, r.repeat,
        EXTRACT(EPOCH FROM (r.closed_at - r.received_at)) / 86400.0 AS days,
        ${bankDateSql(sql`r.closed_at`, input.timeZone)} <= r.sla_due_on AS within
      FROM ranked r
      LEFT JOIN products p ON p.code = r.product_code
      LEFT JOIN (VALUES ${categoryProducts}) AS cp (code, product) ON cp.code = split_part(r.category, '.', 1)
      LEFT JOIN branches b ON b.id = r.branch_id
      WHERE r.received_on >= ${input.from}::date
    )
    SELECT GROUPING(category, product, branch, channel, month) AS grouping, category, product, branch, channel, month,
      count(*) AS count, count(closed_at) AS resolved,
      count(*) FILTER (WHERE closed_at IS NOT NULL AND sla_due_on IS NOT NULL) AS with_due,
      count(*) FILTER (WHERE within) AS within,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
      count(*) FILTER (WHERE repeat) AS repeats
    FROM base
    GROUP BY GROUPING SETS ((category), (product), (branch), (channel), (month), ())
    ORDER BY 1, 7 DESC, 2, 3, 4, 5, 6`.execute(db)
  return rows.rows.map((r) => {
    const dimension = DIMENSION_OF_GROUPING[Number(r.grouping)] ?? null
    return {
      dimension,
      key: dimension === null ? null : r[dimension],
      count: Number(r.count),
      resolved: Number(r.resolved),
      resolvedWithDue: Number(r.with_due),
      resolvedWithinSla: Number(r.within),
      medianDaysToResolve: r.median === null ? null : Number(r.median),
      repeats: Number(r.repeats),
    }
  })
}
