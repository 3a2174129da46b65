import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { appendProgramDecision } from '../../db/stores/program-decision-store.ts'
import { lockProgramByCode } from '../../db/stores/program-store.ts'
import { judgeStoredProgram, type ProgramVerdictView } from './judge-program.ts'
import type { ProgramActor } from './program-actor.ts'

export type ExplainSampleRatioMismatchInput = { code: string; explanation: string; actor: ProgramActor; now: Date }

/**
 * The head explains why the pilot's groups are not the designed split (members lost in a rebuild,
 * a branch left out…), which lifts the block on the verdict. The explanation is a decision record
 * that keeps the status (from = to) with the wave and its χ² and p in the snapshot, and an audit
 * event, in one transaction. Refused (409) when there is no mismatch to explain.
 */
export async function explainSampleRatioMismatch(db: Kysely<Schema>, input: ExplainSampleRatioMismatchInput): Promise<ProgramVerdictView> {
  return db.transaction().execute(async (tx) => {
    const program = await lockProgramByCode(tx, input.code)
    if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
    const verdict = await judgeStoredProgram(tx, { program, now: input.now })
    if (!verdict.srm.blocked) throw new DomainError('conflict', `Program ${program.code} has no sample-ratio mismatch`, reason('verdict.nothing_to_explain', { program: program.code }))
    const { actor } = input
    const srmExplanation = { waveId: verdict.wave.id, chi2: verdict.srm.chi2, p: verdict.srm.p }
    await appendProgramDecision(tx, { programId: program.id, author: actor, from: program.status, to: program.status, comment: input.explanation, snapshot: { srmExplanation } })
    await appendAuditEvent(tx, { userId: actor.id, login: actor.login, action: 'program.explain_srm', entity: 'program', entityId: program.code, details: srmExplanation })
    return judgeStoredProgram(tx, { program, now: input.now })
  })
}
