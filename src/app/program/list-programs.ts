import type { Kysely } from 'kysely'
import { canSeeProductEconomics } from '../../core/product-economics.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { listProgramRecords, type ProgramFilter } from '../../db/stores/program-store.ts'
import { findUserById } from '../../db/stores/user-store.ts'
import { tryProgramCase } from './compute-program-case.ts'
import { planOfProgram } from './prepare-program-plan.ts'

/**
 * The registry: programs with their key figures (the case's NPV, cost, ROI, break-even uplift;
 * null while the case is incomplete, and for a role that may not see the products' economics).
 */
export async function listPrograms(db: Kysely<Schema>, input: { filter: ProgramFilter; role: Role | null }) {
  const { total, items } = await listProgramRecords(db, input.filter)
  const money = input.role === null || canSeeProductEconomics(input.role)
  const rows = []
  for (const program of items) {
    const plan = planOfProgram(program)
    const owner = program.ownerId === null ? undefined : await findUserById(db, program.ownerId)
    const found = money ? await tryProgramCase(db, program) : undefined
    const figures = found?.case
    rows.push({
      code: program.code,
      name: plan.name,
      goal: plan.goal,
      status: program.status,
      targetProduct: plan.targetProduct,
      channels: plan.channels,
      owner: owner ? { id: owner.id, fullName: owner.fullName } : null,
      plannedStart: plan.plannedStart,
      plannedEnd: plan.plannedEnd,
      budget: plan.budget,
      npv: figures?.npv ?? null,
      totalCost: figures?.totalCost ?? null,
      roi: figures?.roi ?? null,
      breakEvenUplift: figures?.breakEvenUplift ?? null,
      updatedAt: program.updatedAt,
    })
  }
  return { total, items: rows }
}
