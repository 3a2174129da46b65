import { sql, type Kysely } from 'kysely'
import type { ContactPolicy, PolicyStep } from '../../contract/contact-policy.ts'
import type { AssignedTask } from '../../core/call-centre/assign-call-tasks.ts'
import type { Schema } from '../schema.ts'
import { policyRemovalSql } from './policy-removal-sql.ts'

// A call wave's call list (migration 0023): one task per target member, never a control member.

export type CallCandidate = { clientId: number; vip: boolean; segment: string; propensityScore: number | null; removedBy: PolicyStep | 'program_do_not_call' | null }

export type PolicyContext = { waveId: number; programId: number; policy: ContactPolicy; asOf: string; timeZone: string; now: Date }

function removalSql(ctx: PolicyContext, clientId: string) {
  const removal = policyRemovalSql({
    clientId: sql.ref(clientId),
    channel: 'call',
    policy: ctx.policy,
    asOf: ctx.asOf,
    timeZone: ctx.timeZone,
    before: sql`${ctx.now}::timestamptz`,
    waveId: ctx.waveId,
    programId: ctx.programId,
  })
  return sql<PolicyStep | 'program_do_not_call' | null>`coalesce(${removal}, CASE WHEN EXISTS (SELECT 1 FROM program_do_not_call n
    WHERE n.client_id = ${sql.ref(clientId)} AND n.program_id = ${ctx.programId}) THEN 'program_do_not_call' END)`
}

/** The wave's target members without a task yet, with what their priority and the policy's verdict need. */
export async function listCallCandidates(db: Kysely<Schema>, ctx: PolicyContext): Promise<CallCandidate[]> {
  const rows = await sql<CallCandidate>`
    SELECT m.client_id AS "clientId", c.vip, c.segment, p.propensity_score AS "propensityScore", ${removalSql(ctx, 'm.client_id')} AS "removedBy"
    FROM wave_members m JOIN clients c ON c.id = m.client_id
    LEFT JOIN client_profile p ON p.client_id = m.client_id
    WHERE m.wave_id = ${ctx.waveId} AND m."group" = 'target'
      AND NOT EXISTS (SELECT 1 FROM call_tasks t WHERE t.client_id = m.client_id AND t.wave_id = m.wave_id)
    ORDER BY m.client_id`.execute(db)
  return rows.rows.map((r) => ({ ...r, clientId: Number(r.clientId), propensityScore: r.propensityScore === null ? null : Number(r.propensityScore) }))
}

export async function insertCallTasks(db: Kysely<Schema>, input: { waveId: number; programId: number; tasks: readonly AssignedTask[]; now: Date }): Promise<number> {
  let inserted = 0
  for (let i = 0; i < input.tasks.length; i += 1000) {
    const chunk = input.tasks.slice(i, i + 1000)
    const result = await db
      .insertInto('call_tasks')
      .values(chunk.map((t) => ({ client_id: t.clientId, wave_id: input.waveId, program_id: input.programId, priority: t.priority, operator_id: t.operatorId, next_attempt_at: input.now })))
      .onConflict((oc) => oc.columns(['client_id', 'wave_id']).doNothing())
      .executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}

/** Serialises one operator's requests for a next call (a double click never claims two), until the transaction ends. */
export async function lockOperatorQueue(tx: Kysely<Schema>, operatorId: number): Promise<void> {
  // 23: this migration's number, a namespace of its own for the advisory lock's first key.
  await sql`SELECT pg_advisory_xact_lock(23, ${operatorId}::int)`.execute(tx)
}

export type LockedCallTask = { clientId: number; waveId: number; programId: number; attempts: number; status: 'open' | 'in_call'; utcOffset: number; lastBusiness: string | null }

/**
 * Locks the operator's next due tasks, best first: a call already in their hands (a reload), then
 * callbacks due, then their own list, then the common pool, by priority. Rows another operator
 * holds locked are skipped (SKIP LOCKED), so two operators never take the same client; a task an
 * operator left in a call for over half an hour goes back to the queue. Run it inside the
 * transaction that moves them: the locks hold until it ends.
 */
export async function lockDueCallTasks(tx: Kysely<Schema>, input: { operatorId: number; now: Date; limit: number }): Promise<LockedCallTask[]> {
  const me = input.operatorId
  const stale = new Date(input.now.getTime() - 30 * 60_000)
  const rows = await sql<LockedCallTask>`
    WITH d AS (
      SELECT client_id, wave_id, program_id, attempts, status, last_business, priority, next_attempt_at,
        (status = 'in_call' AND claimed_by = ${me}) AS mine_now
      FROM call_tasks
      WHERE ((status = 'open' AND next_attempt_at <= ${input.now}) OR (status = 'in_call' AND (claimed_by = ${me} OR claimed_at < ${stale})))
        AND (operator_id IS NULL OR operator_id = ${me} OR status = 'in_call') AND (reserved_for IS NULL OR reserved_for = ${me})
      ORDER BY mine_now DESC, (last_business = 'callback') DESC NULLS LAST, (operator_id IS NOT NULL) DESC, priority DESC, next_attempt_at, client_id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT d.client_id AS "clientId", d.wave_id AS "waveId", d.program_id AS "programId", d.attempts, d.status,
      coalesce(r.utc_offset, 3) AS "utcOffset", d.last_business AS "lastBusiness"
    FROM d JOIN clients c ON c.id = d.client_id LEFT JOIN regions r ON r.code = c.region_code
    ORDER BY d.mine_now DESC, (d.last_business = 'callback') DESC NULLS LAST, d.priority DESC, d.next_attempt_at, d.client_id`.execute(tx)
  return rows.rows.map((r) => ({ ...r, clientId: Number(r.clientId), utcOffset: Number(r.utcOffset) }))
}

/** The contact policy's verdict now on some of a wave's clients (a consent withdrawn an hour ago wins). */
export async function policyVerdicts(db: Kysely<Schema>, ctx: PolicyContext, clientIds: readonly number[]): Promise<Map<number, PolicyStep | 'program_do_not_call' | null>> {
  if (clientIds.length === 0) return new Map()
  const rows = await sql<{ clientId: number; removedBy: PolicyStep | null }>`
    SELECT c.id AS "clientId", ${removalSql(ctx, 'c.id')} AS "removedBy"
    FROM clients c WHERE c.id = ANY(${clientIds}::bigint[])`.execute(db)
  return new Map(rows.rows.map((r) => [Number(r.clientId), r.removedBy]))
}

export type TaskKey = { clientId: number; waveId: number }

export async function claimCallTask(tx: Kysely<Schema>, key: TaskKey & { operatorId: number; now: Date }): Promise<void> {
  await tx
    .updateTable('call_tasks')
    .set({ status: 'in_call', claimed_by: key.operatorId, claimed_at: key.now, updated_at: key.now })
    .where('client_id', '=', key.clientId)
    .where('wave_id', '=', key.waveId)
    .execute()
}

export type TaskMove = TaskKey & {
  now: Date
  status: 'open' | 'done' | 'exhausted' | 'closed' | 'removed'
  nextAttemptAt?: Date
  attempts?: number
  reservedFor?: number | null
  lastTechnical?: string
  lastBusiness?: string | null
  closeReason?: string | null
}

export async function moveCallTask(tx: Kysely<Schema>, move: TaskMove): Promise<void> {
  await tx
    .updateTable('call_tasks')
    .set({
      status: move.status,
      claimed_by: null,
      claimed_at: null,
      updated_at: move.now,
      ...(move.nextAttemptAt && { next_attempt_at: move.nextAttemptAt }),
      ...(move.attempts !== undefined && { attempts: move.attempts }),
      ...(move.reservedFor !== undefined && { reserved_for: move.reservedFor }),
      ...(move.lastTechnical !== undefined && { last_technical: move.lastTechnical as never }),
      ...(move.lastBusiness !== undefined && { last_business: move.lastBusiness as never }),
      ...(move.closeReason !== undefined && { close_reason: move.closeReason }),
    })
    .where('client_id', '=', move.clientId)
    .where('wave_id', '=', move.waveId)
    .execute()
}

export type HeldCallTask = TaskKey & { programId: number; attempts: number; status: string; claimedBy: number | null; claimedAt: Date | null; utcOffset: number }

/** A task locked for recording its outcome, with the client's offset for the redial window. */
export async function lockCallTask(tx: Kysely<Schema>, key: TaskKey): Promise<HeldCallTask | undefined> {
  const rows = await sql<HeldCallTask>`
    SELECT t.client_id AS "clientId", t.wave_id AS "waveId", t.program_id AS "programId", t.attempts, t.status,
      t.claimed_by AS "claimedBy", t.claimed_at AS "claimedAt", coalesce(r.utc_offset, 3) AS "utcOffset"
    FROM call_tasks t JOIN clients c ON c.id = t.client_id LEFT JOIN regions r ON r.code = c.region_code
    WHERE t.client_id = ${key.clientId} AND t.wave_id = ${key.waveId}
    FOR UPDATE OF t`.execute(tx)
  const row = rows.rows[0]
  return row && { ...row, clientId: Number(row.clientId), utcOffset: Number(row.utcOffset), claimedAt: row.claimedAt && new Date(row.claimedAt) }
}

export async function callListExists(db: Kysely<Schema>, waveId: number): Promise<boolean> {
  return (await db.selectFrom('call_tasks').select('client_id').where('wave_id', '=', waveId).limit(1).executeTakeFirst()) !== undefined
}
