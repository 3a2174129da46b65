import { sql, type Kysely } from 'kysely'
import type { BusinessOutcome, TechnicalOutcome } from '../../contract/call-outcomes.ts'
import type { Schema } from '../schema.ts'

// What a call's outcome writes besides its task: the attempt, the wave's contact row, a callback,
// do-not-call, a complaint. Called inside the outcome's one transaction.

export type CallAttemptRow = {
  clientId: number
  waveId: number
  operatorId: number | null
  operatorLogin: string
  technical: TechnicalOutcome
  business: BusinessOutcome | null
  startedAt: Date
  endedAt: Date
  note: string | null
  source: 'workspace' | 'import'
}

/** Records the attempt; returns its id. */
export async function insertCallAttempt(tx: Kysely<Schema>, row: CallAttemptRow): Promise<number> {
  const seconds = Math.max(0, Math.round((row.endedAt.getTime() - row.startedAt.getTime()) / 1000))
  const inserted = await tx
    .insertInto('call_attempts')
    .values({
      client_id: row.clientId, wave_id: row.waveId, operator_id: row.operatorId, operator_login: row.operatorLogin, technical: row.technical,
      business: row.business, started_at: row.startedAt, ended_at: row.endedAt, handle_seconds: seconds, note: row.note, source: row.source,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(inserted.id)
}

/**
 * The wave's one contact row for the member (key `wave:<id>:call`): `sent` once the call reached
 * the client, so the contact policy's caps count it; `failed` when the attempts ran out unreached.
 * A reached call is never turned back into a failure.
 */
export async function recordCallContact(tx: Kysely<Schema>, input: { clientId: number; waveId: number; programId: number; reached: boolean; at: Date }): Promise<void> {
  const key = `wave:${input.waveId}:call`
  const status = input.reached ? 'sent' : 'failed'
  const sentAt = input.reached ? input.at : null
  await sql`
    INSERT INTO contacts (client_id, program_id, wave_id, channel, sent_at, status, idempotency_key, updated_at)
    VALUES (${input.clientId}, ${input.programId}, ${input.waveId}, 'call', ${sentAt}, ${status}, ${key}, ${input.at})
    ON CONFLICT (client_id, idempotency_key) DO UPDATE SET
      status = CASE WHEN contacts.status = 'sent' THEN 'sent' ELSE excluded.status END,
      sent_at = coalesce(contacts.sent_at, excluded.sent_at), updated_at = excluded.updated_at`.execute(tx)
}

export async function insertCallback(tx: Kysely<Schema>, input: { clientId: number; waveId: number; dueAt: Date; onlyMe: boolean; operatorId: number | null }): Promise<void> {
  await tx.insertInto('callbacks').values({ client_id: input.clientId, wave_id: input.waveId, due_at: input.dueAt, only_me: input.onlyMe, operator_id: input.operatorId }).execute()
}

/** Pending callbacks of the task are settled by its next attempt, whatever it brings. */
export async function settleCallbacks(tx: Kysely<Schema>, input: { clientId: number; waveId: number }): Promise<void> {
  await tx.updateTable('callbacks').set({ status: 'done' }).where('client_id', '=', input.clientId).where('wave_id', '=', input.waveId).where('status', '=', 'pending').execute()
}

export async function insertProgramDoNotCall(tx: Kysely<Schema>, input: { clientId: number; programId: number; userId: number | null; source: string; at: Date }): Promise<void> {
  await tx
    .insertInto('program_do_not_call')
    .values({ client_id: input.clientId, program_id: input.programId, recorded_by: input.userId, source: input.source, recorded_at: input.at })
    .onConflict((oc) => oc.columns(['client_id', 'program_id']).doNothing())
    .execute()
}

/** Bank-level do-not-call: a refusal on channel `call` in force from now, which every contact policy check reads. */
export async function insertCallRefusal(tx: Kysely<Schema>, input: { clientId: number; at: Date; source: string }): Promise<void> {
  await tx
    .insertInto('consents')
    .values({ client_id: input.clientId, channel: 'call', granted: false, effective_at: input.at, source: input.source, recorded_at: input.at })
    .onConflict((oc) => oc.columns(['client_id', 'channel', 'effective_at', 'granted']).doNothing())
    .execute()
}

