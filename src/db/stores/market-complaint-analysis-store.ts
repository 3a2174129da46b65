import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The counts of the "Market complaints" page over every stored market complaint. The grouped
// column is picked from a closed list, never from the request.

export type KeyCount = { key: string; count: number }

const GROUPED = ['product', 'category_code', 'issue', 'company_response', 'company'] as const
export type MarketComplaintColumn = (typeof GROUPED)[number]

/** Complaints by one column, most first (blank as ''), at most `limit` groups when given. */
export async function countMarketComplaintsBy(db: Kysely<Schema>, input: { column: MarketComplaintColumn; limit?: number }): Promise<KeyCount[]> {
  if (!GROUPED.includes(input.column)) throw new Error(`not a grouped column: ${input.column}`)
  const limit = input.limit === undefined ? sql`` : sql`LIMIT ${input.limit}`
  const rows = await sql<KeyCount>`
    SELECT coalesce(${sql.ref(input.column)}, '') AS key, count(*)::integer AS count
    FROM market_complaints GROUP BY 1 ORDER BY 2 DESC, 1 ${limit}
  `.execute(db)
  return rows.rows
}

export type MarketComplaintTotals = {
  total: number
  firstDay: string | null
  lastDay: string | null
  timely: { answered: number; yes: number }
  disputed: { answered: number; yes: number }
}

export async function marketComplaintTotals(db: Kysely<Schema>): Promise<MarketComplaintTotals> {
  const result = await sql<{ total: number; first_day: string | null; last_day: string | null; timely_answered: number; timely_yes: number; disputed_answered: number; disputed_yes: number }>`
    SELECT count(*)::integer AS total, min(received_on)::text AS first_day, max(received_on)::text AS last_day,
      count(timely)::integer AS timely_answered, count(*) FILTER (WHERE timely)::integer AS timely_yes,
      count(disputed)::integer AS disputed_answered, count(*) FILTER (WHERE disputed)::integer AS disputed_yes
    FROM market_complaints
  `.execute(db)
  const row = result.rows[0]
  return {
    total: row.total,
    firstDay: row.first_day,
    lastDay: row.last_day,
    timely: { answered: row.timely_answered, yes: row.timely_yes },
    disputed: { answered: row.disputed_answered, yes: row.disputed_yes },
  }
}

/** 'YYYY-MM' → complaints received in it; months without any are left out. */
export async function countMarketComplaintsByMonth(db: Kysely<Schema>): Promise<{ month: string; count: number }[]> {
  const rows = await sql<{ month: string; count: number }>`
    SELECT to_char(received_on, 'YYYY-MM') AS month, count(*)::integer AS count FROM market_complaints GROUP BY 1 ORDER BY 1
  `.execute(db)
  return rows.rows
}

/** The imports whose complaints are stored (the last to write each), newest first. */
export async function listMarketComplaintFiles(db: Kysely<Schema>): Promise<{ importId: number; fileName: string; finishedAt: string | null; complaints: number }[]> {
  const rows = await sql<{ import_id: number; file_name: string; finished_at: Date | null; complaints: number }>`
    SELECT i.id AS import_id, i.file_name, i.finished_at, count(*)::integer AS complaints
    FROM market_complaints m JOIN imports i ON i.id = m.import_id
    GROUP BY i.id ORDER BY i.id DESC
  `.execute(db)
  return rows.rows.map((r) => ({ importId: r.import_id, fileName: r.file_name, finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null, complaints: r.complaints }))
}
