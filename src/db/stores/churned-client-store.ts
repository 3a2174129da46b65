import { sql, type Kysely } from 'kysely'
import type { ChurnCriterion, ChurnedClientsQuery, ChurnSignal } from '../../contract/churn-schemas.ts'
import type { Schema } from '../schema.ts'

// The churned clients as of the last refresh (app/churn/refresh-churned-clients.ts) and the
// report over them: plain queries, one short statement each.

export type ChurnedClientRow = {
  clientId: number
  churnedOn: string
  criteria: ChurnCriterion[]
  signals: ChurnSignal[]
  complaints: number
  competitorNotes: string[]
  productsClosed: string[]
}

/** Writes one page of the refresh, stamped with it (a client seen again is overwritten). */
export async function writeChurnedClients(db: Kysely<Schema>, rows: readonly ChurnedClientRow[], refreshedAt: Date): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('churned_clients')
    .values(rows.map((r) => ({
      client_id: r.clientId,
      churned_on: r.churnedOn,
      criteria: r.criteria,
      signals: r.signals,
      complaints: r.complaints,
      competitor_notes: r.competitorNotes,
      products_closed: r.productsClosed,
      refreshed_at: refreshedAt,
    })))
    .onConflict((oc) => oc.column('client_id').doUpdateSet((eb) => ({
      churned_on: eb.ref('excluded.churned_on'),
      criteria: eb.ref('excluded.criteria'),
      signals: eb.ref('excluded.signals'),
      complaints: eb.ref('excluded.complaints'),
      competitor_notes: eb.ref('excluded.competitor_notes'),
      products_closed: eb.ref('excluded.products_closed'),
      refreshed_at: eb.ref('excluded.refreshed_at'),
    })))
    .execute()
}

/** Ends a refresh: the clients it did not find churned leave the list. */
export async function dropChurnedClientsBefore(db: Kysely<Schema>, refreshedAt: Date): Promise<void> {
  await db.deleteFrom('churned_clients').where('refreshed_at', '<', refreshedAt).execute()
}

export async function readChurnRefreshedAt(db: Kysely<Schema>): Promise<string | null> {
  const row = await db.selectFrom('churned_clients').select((eb) => eb.fn.max('refreshed_at').as('at')).executeTakeFirst()
  return row?.at ? new Date(row.at as unknown as string).toISOString() : null
}

function filtered(db: Kysely<Schema>, q: Omit<ChurnedClientsQuery, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('churned_clients as x')
    .innerJoin('clients as c', 'c.id', 'x.client_id')
    .leftJoin('branches as b', 'b.id', 'c.branch_id')
  if (q.from) query = query.where('x.churned_on', '>=', q.from)
  if (q.until) query = query.where('x.churned_on', '<=', q.until)
  if (q.criterion) query = query.where(sql<boolean>`${q.criterion} = ANY(x.criteria)`)
  if (q.signal) query = query.where(sql<boolean>`${q.signal} = ANY(x.signals)`)
  if (q.segment) query = query.where('c.segment', '=', q.segment as never)
  if (q.branch) query = query.where('b.code', '=', q.branch)
  return query
}

export type ChurnedClientListRow = ChurnedClientRow & {
  bankId: string
  fullName: string
  phone: string | null
  segment: string
  branch: string | null
  statedReason: string | null
}

/** A page of the churned clients, the latest to leave first, and how many match. */
export async function listChurnedClients(db: Kysely<Schema>, q: ChurnedClientsQuery): Promise<{ total: number; items: ChurnedClientListRow[] }> {
  const count = await filtered(db, q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  const rows = await filtered(db, q)
    .select(['x.client_id', 'x.churned_on', 'x.criteria', 'x.signals', 'x.complaints', 'x.competitor_notes', 'x.products_closed',
      'c.bank_id', 'c.full_name', 'c.phone', 'c.segment', 'c.status', 'c.status_reason', 'b.code as branch'])
    .orderBy('x.churned_on', 'desc')
    .orderBy('x.client_id')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      clientId: Number(r.client_id),
      churnedOn: String(r.churned_on).slice(0, 10),
      criteria: r.criteria as ChurnCriterion[],
      signals: r.signals as ChurnSignal[],
      complaints: r.complaints,
      competitorNotes: r.competitor_notes,
      productsClosed: r.products_closed,
      bankId: r.bank_id,
      fullName: r.full_name,
      phone: r.phone,
      segment: r.segment,
      branch: r.branch,
      statedReason: r.status === 'churned' ? r.status_reason : null,
    })),
  }
}

export type ChurnCount = { key: string; clients: number }

/** The churned clients counted by each breakdown of the report (a client counts once per key it has). */
export async function countChurnedClients(db: Kysely<Schema>): Promise<Record<'total' | 'active', number> & Record<'byCriterion' | 'bySignal' | 'byStatedReason' | 'bySegment' | 'byBranch' | 'byMonth', ChurnCount[]>> {
  const group = async (key: ReturnType<typeof sql>, from = sql`churned_clients x JOIN clients c ON c.id = x.client_id LEFT JOIN branches b ON b.id = c.branch_id`) => {
    const result = await sql<{ key: string | null; clients: string }>`SELECT ${key} AS key, count(*) AS clients FROM ${from} GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db)
    return result.rows.map((r) => ({ key: r.key ?? '', clients: Number(r.clients) }))
  }
  const totals = await sql<{ total: string; active: string }>`
    SELECT (SELECT count(*) FROM churned_clients) AS total,
      (SELECT count(*) FROM clients c WHERE c.status <> 'deceased' AND NOT EXISTS (SELECT 1 FROM churned_clients x WHERE x.client_id = c.id)) AS active`.execute(db)
  const byMonth = await sql<{ key: string; clients: string }>`
    SELECT to_char(churned_on, 'YYYY-MM') AS key, count(*) AS clients FROM churned_clients GROUP BY 1 ORDER BY 1`.execute(db)
  return {
    total: Number(totals.rows[0].total),
    active: Number(totals.rows[0].active),
    byCriterion: await group(sql`u.v`, sql`churned_clients x CROSS JOIN unnest(x.criteria) AS u(v)`),
    bySignal: await group(sql`u.v`, sql`churned_clients x CROSS JOIN unnest(x.signals) AS u(v)`),
    byStatedReason: await group(sql`CASE WHEN c.status = 'churned' THEN c.status_reason END`),
    bySegment: await group(sql`c.segment`),
    byBranch: await group(sql`b.code`),
    byMonth: byMonth.rows.map((r) => ({ key: r.key, clients: Number(r.clients) })),
  }
}
