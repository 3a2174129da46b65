import type { Kysely } from 'kysely'
import type { CallListResult } from '../../contract/call-centre-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { assignCallTasks } from '../../core/call-centre/assign-call-tasks.ts'
import { callPriority } from '../../core/call-centre/call-priority.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertCallTasks, listCallCandidates } from '../../db/stores/call-task-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { callWaveContext } from './call-wave-context.ts'

export type BuildCallListInput = { waveId: number; operators: readonly { login: string; capacity: number }[]; actor: SessionUser; now: Date }

/**
 * A call wave's call list: its target members (never the control) that the contact policy lets
 * through now — consent on `call`, no opt-out, complaint or cap, not on the program's do-not-call
 * list — prioritised and dealt out to the named operators by their capacity; the rest go to the
 * common pool. Run again, it adds only members without a task (a rebuilt wave's newcomers).
 */
export async function buildCallList(db: Kysely<Schema>, input: BuildCallListInput): Promise<CallListResult> {
  const context = await callWaveContext(db, { waveId: input.waveId, now: input.now })
  const operators = await resolveOperators(db, input.operators)
  return db.transaction().execute(async (tx) => {
    const candidates = await listCallCandidates(tx, context.policy)
    const removed = new Map<string, number>()
    const eligible = candidates.filter((c) => {
      if (c.removedBy) removed.set(c.removedBy, (removed.get(c.removedBy) ?? 0) + 1)
      return c.removedBy === null
    })
    const tasks = assignCallTasks(
      eligible.map((c) => ({ clientId: c.clientId, priority: callPriority(c) })),
      operators.map((o) => ({ operatorId: o.id, capacity: o.capacity })),
    )
    const inserted = await insertCallTasks(tx, { waveId: context.wave.id, programId: context.wave.programId, tasks, now: input.now })
    const result: CallListResult = {
      wave: context.wave.id,
      tasks: inserted,
      pool: tasks.filter((t) => t.operatorId === null).length,
      operators: operators.map((o) => ({ login: o.login, assigned: tasks.filter((t) => t.operatorId === o.id).length })),
      removed: [...removed].map(([rule, count]) => ({ rule, removed: count })),
    }
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'call_list.build',
      entity: 'wave',
      entityId: String(context.wave.id),
      details: { tasks: result.tasks, pool: result.pool, operators: result.operators },
    })
    return result
  })
}

async function resolveOperators(db: Kysely<Schema>, wanted: BuildCallListInput['operators']) {
  if (wanted.length === 0) return []
  const logins = wanted.map((o) => o.login)
  const users = await db.selectFrom('users').select(['id', 'login', 'role', 'active']).where('login', 'in', logins).execute()
  return wanted.map((o) => {
    const user = users.find((u) => u.login === o.login)
    if (!user || user.role !== 'operator' || !user.active) {
      throw new DomainError('invalid_input', `${o.login} is not an active operator`, reason('call.not_an_operator', { operator: o.login }))
    }
    return { id: user.id, login: user.login, capacity: o.capacity }
  })
}
