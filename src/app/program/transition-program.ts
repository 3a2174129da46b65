import type { Kysely } from 'kysely'
import type { ProgramStatus } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { checkProgramMove } from '../../core/program/check-program-move.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { appendProgramDecision, lastProposer } from '../../db/stores/program-decision-store.ts'
import { lockProgramByCode, setProgramStatus } from '../../db/stores/program-store.ts'
import { tryProgramCase } from './compute-program-case.ts'
import { tryProgramVerdict } from './judge-program.ts'
import type { ProgramActor } from './program-actor.ts'
import { programChecklist, programView, type ProgramView } from './view-program.ts'

export type TransitionProgramInput = {
  code: string
  to: ProgramStatus
  comment?: string
  /** The program's updatedAt as the deciding user read it (contract/program-schemas.ts transitionBody). */
  updatedAt?: string
  actor: ProgramActor
  now: Date
}

/**
 * Moves a program along its lifecycle (core/program/program-moves.ts), checked by
 * core/program/check-program-move.ts: the move, the role, a case that computes, four eyes, the
 * pre-launch checklist.
 * The move is a decision record with a snapshot of the business case as it stood — and for a
 * decision on a pilot (a move from pilot or evaluated) of its verdict — and an audit event, in one
 * transaction with the status. A rollout waits while the verdict is blocked by an unexplained
 * sample-ratio mismatch (409 verdict.srm_unexplained).
 */
export async function transitionProgram(db: Kysely<Schema>, input: TransitionProgramInput): Promise<ProgramView> {
  return db.transaction().execute(async (tx) => {
    const program = await lockProgramByCode(tx, input.code)
    if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
    const { actor } = input
    // Under the row's lock: an edit that lands between the head's reading and this move is seen.
    if (input.updatedAt !== undefined && input.updatedAt !== program.updatedAt) {
      throw new DomainError('conflict', `Program ${program.code} changed at ${program.updatedAt}, after it was read`, reason('program.changed_since_read', { updatedAt: program.updatedAt }))
    }
    if (!actor.role) throw new DomainError('forbidden', 'Only a signed-in user may move a program', reason('auth.role_forbidden', { role: 'cli' }))
    const programCase = await tryProgramCase(tx, program)
    checkProgramMove({
      from: program.status,
      to: input.to,
      actor: { ...actor, role: actor.role },
      proposer: await lastProposer(tx, program.id),
      checklist: input.to === 'pilot' ? await programChecklist(tx, program) : [],
      caseMissing: programCase.caseMissing,
    })
    const verdict = await tryProgramVerdict(tx, { program, now: input.now })
    if (input.to === 'rollout' && verdict && 'verdict' in verdict && verdict.verdict.srm.blocked && !verdict.verdict.srm.explained) {
      const { p } = verdict.verdict.srm
      throw new DomainError('conflict', `The verdict is blocked by a sample-ratio mismatch (p = ${p})`, reason('verdict.srm_unexplained', { p }))
    }
    await setProgramStatus(tx, program.id, input.to)
    const snapshot = { ...programCase, ...verdict }
    await appendProgramDecision(tx, { programId: program.id, author: actor, from: program.status, to: input.to, comment: input.comment ?? null, snapshot })
    await appendAuditEvent(tx, {
      userId: actor.id,
      login: actor.login,
      action: 'program.transition',
      entity: 'program',
      entityId: program.code,
      details: { from: program.status, to: input.to },
    })
    return programView(tx, (await lockProgramByCode(tx, input.code))!)
  })
}
