import { sql, type Kysely } from 'kysely'
import type { CallLogOutcome } from '../../contract/call-log.ts'
import type { Schema } from '../schema.ts'

/** phone (stored form, 79123456789) → the ids of the clients with that phone, for the phones that have any. */
export async function findClientsByPhones(db: Kysely<Schema>, phones: readonly string[]): Promise<Map<string, number[]>> {
  if (phones.length === 0) return new Map()
  const rows = await sql<{ phone: string; id: string }>`
    SELECT phone, id FROM clients WHERE phone = ANY(${[...phones]}::text[]) ORDER BY phone, id
  `.execute(db)
  const found = new Map<string, number[]>()
  for (const row of rows.rows) found.set(row.phone, [...(found.get(row.phone) ?? []), Number(row.id)])
  return found
}

/** The first `limit` active clients with a phone, by id: the demo bank's callers. */
export async function findDemoCallers(db: Kysely<Schema>, limit: number): Promise<{ id: number; phone: string }[]> {
  const rows = await db.selectFrom('clients').select(['id', 'phone']).where('phone', 'is not', null).where('status', '=', 'active').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ id: Number(r.id), phone: r.phone! }))
}

export type NewCall = {
  clientId: number; startedAt: Date; direction: 'inbound' | 'outbound'; phone: string
  reason: string; durationSeconds: number; outcome: CallLogOutcome; operator: string | null
}

/** Appends calls (the demo bank's); a call already stored for its client and start time is kept. */
export async function insertCalls(db: Kysely<Schema>, calls: readonly NewCall[]): Promise<void> {
  // 1,000 rows of 8 values a statement: well under PostgreSQL's limit of parameters.
  for (let i = 0; i < calls.length; i += 1000) {
    await db.insertInto('calls').values(calls.slice(i, i + 1000).map((c) => ({
      client_id: c.clientId, started_at: c.startedAt, direction: c.direction, phone: c.phone, reason: c.reason,
      duration_seconds: c.durationSeconds, outcome: c.outcome, operator: c.operator,
    }))).onConflict((oc) => oc.columns(['client_id', 'started_at']).doNothing()).execute()
  }
}
