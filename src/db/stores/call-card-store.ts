import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// What the operator's short card reads besides the client's own fields (client-card-store.ts).

export type RecentContact = { channel: string; status: string; sentAt: string | null; programCode: string | null }
export type RecentComplaint = { receivedAt: string; status: string }

export async function listRecentContacts(db: Kysely<Schema>, clientId: number, limit = 5): Promise<RecentContact[]> {
  const rows = await db
    .selectFrom('contacts as t')
    .leftJoin('programs as p', 'p.id', 't.program_id')
    .select(['t.channel', 't.status', 't.sent_at', 'p.code'])
    .where('t.client_id', '=', clientId)
    .where('t.status', 'in', ['sent', 'failed'])
    .orderBy('t.sent_at', (ob) => ob.desc().nullsLast())
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ channel: r.channel, status: r.status, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, programCode: r.code }))
}

export async function listRecentComplaints(db: Kysely<Schema>, clientId: number, limit = 3): Promise<RecentComplaint[]> {
  const rows = await db.selectFrom('complaints').select(['received_at', 'status']).where('client_id', '=', clientId).orderBy('received_at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ receivedAt: new Date(r.received_at).toISOString(), status: r.status }))
}

export type CallTaskFacts = {
  programId: number
  programCode: string
  programName: string
  goal: string | null
  waveKind: string
  selectionName: string | null
  priority: number
  attempts: number
  lastTechnical: string | null
  lastBusiness: string | null
  callback: { dueAt: string; onlyMe: boolean } | null
}

/** The task's program, wave and selection: why this client is on the list. */
export async function findCallTaskFacts(db: Kysely<Schema>, key: { clientId: number; waveId: number }): Promise<CallTaskFacts | undefined> {
  const row = await db
    .selectFrom('call_tasks as t')
    .innerJoin('waves as w', 'w.id', 't.wave_id')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .leftJoin('selections as s', 's.id', 'w.selection_id')
    .select(['p.id as programId', 'p.code', 'p.name', 'p.goal', 'w.kind', 's.name as selectionName', 't.priority', 't.attempts', 't.last_technical', 't.last_business'])
    .where('t.client_id', '=', key.clientId)
    .where('t.wave_id', '=', key.waveId)
    .executeTakeFirst()
  if (!row) return undefined
  const callback = await db
    .selectFrom('callbacks')
    .select(['due_at', 'only_me'])
    .where('client_id', '=', key.clientId)
    .where('wave_id', '=', key.waveId)
    .where('status', '=', 'pending')
    .orderBy('due_at')
    .executeTakeFirst()
  return {
    programId: row.programId,
    programCode: row.code,
    programName: row.name,
    goal: row.goal,
    waveKind: row.kind,
    selectionName: row.selectionName,
    priority: row.priority,
    attempts: row.attempts,
    lastTechnical: row.last_technical,
    lastBusiness: row.last_business,
    callback: callback ? { dueAt: new Date(callback.due_at).toISOString(), onlyMe: callback.only_me } : null,
  }
}
