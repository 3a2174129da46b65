import { sql, type Kysely } from 'kysely'
import { bankDateSql } from '../../core/bank-day-sql.ts'
import type { ClientChurnFacts } from '../../core/churn/client-churn-facts.ts'
import type { Schema } from '../schema.ts'

// What churn is decided and predicted from (core/churn), a page of clients at a time: each read is
// a few short statements over the page's client ids (DESIGN invariant 10). Complaints and notes are
// instants; they count on the bank's dates.

export type ReadChurnFactsInput = { after: number; limit: number; timeZone: string }

/** A page of clients in id order after `after`, with their dated products, activity, complaints and competitor notes. */
export async function readChurnFacts(db: Kysely<Schema>, input: ReadChurnFactsInput): Promise<ClientChurnFacts[]> {
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'birth_date', 'client_since', 'gender', 'segment', 'monthly_income', 'vip', 'status', 'status_reason'])
    .where('id', '>', input.after)
    .orderBy('id')
    .limit(input.limit)
    .execute()
  if (clients.length === 0) return []
  // The page is a range of ids: a range scan of each table's client_id index reads just its rows.
  const inPage = sql`BETWEEN ${clients[0].id} AND ${clients[clients.length - 1].id}`
  const holdings = await sql<{ client_id: string; product_code: string; type: string; opened_at: string; closed_at: string | null }>`
    SELECT h.client_id, h.product_code, p.type, h.opened_at::text AS opened_at, h.closed_at::text AS closed_at
    FROM holdings h JOIN products p ON p.code = h.product_code WHERE h.client_id ${inPage}`.execute(db)
  const activity = await sql<{ client_id: string; month: string; turnover: string; transactions: number; mobile_logins: number }>`
    SELECT client_id, month::text AS month, turnover, transactions, mobile_logins FROM activity WHERE client_id ${inPage}`.execute(db)
  const complaints = await sql<{ client_id: string; day: string }>`
    SELECT client_id, ${bankDateSql(sql`received_at`, input.timeZone)}::text AS day FROM complaints WHERE client_id ${inPage}`.execute(db)
  const notes = await sql<{ client_id: string; day: string; body: string }>`
    SELECT client_id, ${bankDateSql(sql`created_at`, input.timeZone)}::text AS day, body FROM notes
    WHERE kind = 'competitor_offer' AND client_id ${inPage}`.execute(db)
  const grouped = <T>(rows: readonly { client_id: string }[], to: (row: never) => T) => {
    const map = new Map<number, T[]>()
    for (const row of rows) {
      const id = Number(row.client_id)
      const list = map.get(id)
      if (list) list.push(to(row as never))
      else map.set(id, [to(row as never)])
    }
    return (id: number) => map.get(id) ?? []
  }
  const holdingsOf = grouped(holdings.rows, (h: (typeof holdings.rows)[number]) => ({ productCode: h.product_code, productType: h.type, openedAt: h.opened_at, closedAt: h.closed_at }))
  const activityOf = grouped(activity.rows, (a: (typeof activity.rows)[number]) => ({ month: a.month, turnover: Number(a.turnover), transactions: a.transactions, mobileLogins: a.mobile_logins }))
  const complaintsOf = grouped(complaints.rows, (q: (typeof complaints.rows)[number]) => ({ receivedOn: q.day }))
  const notesOf = grouped(notes.rows, (n: (typeof notes.rows)[number]) => ({ createdOn: n.day, body: n.body }))
  const facts: ClientChurnFacts[] = clients.map((c) => ({
    clientId: c.id,
    status: c.status,
    birthDate: c.birth_date,
    clientSince: c.client_since,
    gender: c.gender,
    segment: c.segment,
    income: c.monthly_income === null ? null : Number(c.monthly_income),
    vip: c.vip,
    statedReason: c.status === 'churned' ? c.status_reason : null,
    holdings: holdingsOf(c.id),
    activity: activityOf(c.id),
    complaints: complaintsOf(c.id),
    competitorNotes: notesOf(c.id),
  }))
  return facts
}
