import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The rows of a call list's file (export) and the keys its import looks its rows up by.

export type CallListFileRow = {
  clientId: number
  bankId: string
  fullName: string
  phone: string | null
  priority: number
  status: string
  attempts: number
  lastTechnical: string | null
  lastBusiness: string | null
  callbackAt: Date | null
}

export async function listCallListRows(db: Kysely<Schema>, waveId: number): Promise<CallListFileRow[]> {
  const rows = await db
    .selectFrom('call_tasks as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .select((eb) => [
      't.client_id', 'c.bank_id', 'c.full_name', 'c.phone', 't.priority', 't.status', 't.attempts', 't.last_technical', 't.last_business',
      eb.selectFrom('callbacks as b').select((b) => b.fn.min('b.due_at').as('due')).whereRef('b.client_id', '=', 't.client_id').whereRef('b.wave_id', '=', 't.wave_id').where('b.status', '=', 'pending').as('callback_at'),
    ])
    .where('t.wave_id', '=', waveId)
    .orderBy('t.priority', 'desc')
    .orderBy('t.client_id')
    .execute()
  return rows.map((r) => ({
    clientId: Number(r.client_id), bankId: r.bank_id, fullName: r.full_name, phone: r.phone, priority: r.priority, status: r.status, attempts: r.attempts,
    lastTechnical: r.last_technical, lastBusiness: r.last_business, callbackAt: r.callback_at ? new Date(r.callback_at) : null,
  }))
}

/** The wave's tasks by the client's bank id, and the bank ids of clients that exist at all. */
export async function callListKeys(db: Kysely<Schema>, input: { waveId: number; bankIds: readonly string[] }) {
  if (input.bankIds.length === 0) return { clients: new Map<string, number>(), tasks: new Map<number, string>() }
  const clients = await db.selectFrom('clients').select(['id', 'bank_id']).where('bank_id', 'in', [...new Set(input.bankIds)]).execute()
  const ids = clients.map((c) => Number(c.id))
  const tasks = ids.length
    ? await db.selectFrom('call_tasks').select(['client_id', 'status']).where('wave_id', '=', input.waveId).where('client_id', 'in', ids).execute()
    : []
  return { clients: new Map(clients.map((c) => [c.bank_id, Number(c.id)])), tasks: new Map(tasks.map((t) => [Number(t.client_id), t.status as string])) }
}
