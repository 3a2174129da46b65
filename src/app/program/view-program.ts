import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { canSeeProductEconomics } from '../../core/product-economics.ts'
import { preLaunchChecklist } from '../../core/program/pre-launch-checklist.ts'
import { allowedMoves } from '../../core/program/program-moves.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramOffer } from '../../db/stores/offer-store.ts'
import { lastProposer, listProgramDecisions } from '../../db/stores/program-decision-store.ts'
import { findProgramByCode, programWaveFacts, type ProgramRecord } from '../../db/stores/program-store.ts'
import { findUserById } from '../../db/stores/user-store.ts'
import { listWaves } from '../../db/stores/wave-query-store.ts'
import { tryProgramCase } from './compute-program-case.ts'
import { planOfProgram } from './prepare-program-plan.ts'

export type ProgramView = Awaited<ReturnType<typeof programView>>

/** The checklist of approved → pilot for a stored program. */
export async function programChecklist(db: Kysely<Schema>, program: ProgramRecord) {
  const { pilotWaveBuilt } = await programWaveFacts(db, program.id)
  return preLaunchChecklist({ ...program, pilotWaveBuilt })
}

/** Everything about one program: its plan, where it stands, what may happen next, its case, history and waves. */
export async function programView(db: Kysely<Schema>, program: ProgramRecord) {
  const owner = program.ownerId === null ? undefined : await findUserById(db, program.ownerId)
  return {
    code: program.code,
    status: program.status,
    ...planOfProgram(program),
    owner: owner ? { id: owner.id, login: owner.login, fullName: owner.fullName } : null,
    createdAt: program.createdAt,
    updatedAt: program.updatedAt,
    proposedBy: (await lastProposer(db, program.id)) ?? null,
    allowedMoves: allowedMoves(program.status).map((move) => ({ to: move.to, roles: [...move.roles] })),
    checklist: await programChecklist(db, program),
    ...(await tryProgramCase(db, program)),
    decisions: await listProgramDecisions(db, program.id),
    waves: (await listWaves(db, { programCode: program.code, limit: 100, offset: 0 })).items,
    offerSummary: await programOfferSummary(db, program.id),
  }
}

/** The named offer at its newest version, in short: the program page shows whether waves may send it. */
async function programOfferSummary(db: Kysely<Schema>, programId: number) {
  const offer = await findProgramOffer(db, programId)
  return offer && { code: offer.code, name: offer.name, version: offer.version, status: offer.status, approved: offer.approved }
}

/** GET /api/programs/:code. */
export async function viewProgram(db: Kysely<Schema>, input: { code: string; role: Role | null }): Promise<ProgramView> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  return programForRole(await programView(db, program), input.role)
}

/** The case and the decisions' snapshots are the bank's margins: left out for a role that may not see the products' economics. */
export function programForRole(view: ProgramView, role: Role | null): ProgramView {
  if (role === null || canSeeProductEconomics(role)) return view
  const { case: _case, caseMissing: _missing, ...rest } = view
  return { ...rest, decisions: view.decisions.map((d) => ({ ...d, snapshot: {} })) }
}
