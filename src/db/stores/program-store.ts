import { randomBytes } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { BusinessCaseAssumptions, ProgramGoal, ProgramStatus } from '../../contract/program-schemas.ts'
import type { ProgramTable, Schema } from '../schema.ts'

export type ProgramRecord = {
  id: number
  code: string
  name: string
  status: ProgramStatus
  seed: string
  controlShare: number
  includeHoldout: boolean
  policyOverrides: unknown
  /** Null for a program a wave created before anyone planned it. */
  goal: ProgramGoal | null
  targetProduct: string | null
  offer: string | null
  offerCode: string | null
  channels: Channel[]
  selectionId: number | null
  ownerId: number | null
  plannedStart: string | null
  plannedEnd: string | null
  budgetKopecks: number | null
  pilotSize: number | null
  businessCase: BusinessCaseAssumptions
  createdAt: string
  updatedAt: string
}

/** The plan as stored: what create and edit write. */
export type ProgramPlanRow = Pick<
  ProgramRecord,
  'name' | 'goal' | 'targetProduct' | 'offer' | 'offerCode' | 'channels' | 'selectionId' | 'ownerId' | 'plannedStart' | 'plannedEnd' | 'budgetKopecks' | 'pilotSize' | 'businessCase' | 'controlShare'
>

export async function findProgramByCode(db: Kysely<Schema>, code: string): Promise<ProgramRecord | undefined> {
  const row = await db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst()
  return row && toProgram(row)
}

/** The program, its row locked until the transaction ends: moves and edits of one program run one after another. */
export async function lockProgramByCode(db: Kysely<Schema>, code: string): Promise<ProgramRecord | undefined> {
  const row = await db.selectFrom('programs').selectAll().where('code', '=', code).forUpdate().executeTakeFirst()
  return row && toProgram(row)
}

export async function findProgram(db: Kysely<Schema>, id: number): Promise<ProgramRecord | undefined> {
  const row = await db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toProgram(row)
}

/** A wave for an unknown code creates a draft program of it, so an analyst can freeze a list before a program is proposed. */
export async function ensureDraftProgram(db: Kysely<Schema>, code: string): Promise<ProgramRecord> {
  await db
    .insertInto('programs')
    // The seed is drawn once, here, and never changes: control membership hangs on it.
    .values({ code, name: code, seed: randomBytes(8).toString('hex') })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  return (await findProgramByCode(db, code))!
}

export async function saveProgramPolicyOverrides(db: Kysely<Schema>, programId: number, overrides: unknown): Promise<void> {
  await db.updateTable('programs').set({ policy_overrides: JSON.stringify(overrides) }).where('id', '=', programId).execute()
}

function planColumns(plan: ProgramPlanRow) {
  return {
    name: plan.name,
    goal: plan.goal,
    target_product: plan.targetProduct,
    offer: plan.offer,
    offer_code: plan.offerCode,
    channels: JSON.stringify(plan.channels),
    selection_id: plan.selectionId,
    owner_id: plan.ownerId,
    planned_start: plan.plannedStart,
    planned_end: plan.plannedEnd,
    budget_kopecks: plan.budgetKopecks,
    pilot_size: plan.pilotSize,
    business_case: JSON.stringify(plan.businessCase),
    control_share: plan.controlShare,
  }
}

/** A new program, or the plan of a draft a wave created (it has no goal yet); undefined when the code is taken by a planned program. */
export async function insertProgram(db: Kysely<Schema>, input: { code: string; plan: ProgramPlanRow; createdBy: number | null }): Promise<ProgramRecord | undefined> {
  const columns = { ...planColumns(input.plan), created_by: input.createdBy, updated_at: sql<Date>`now()` }
  const row = await db
    .insertInto('programs')
    .values({ code: input.code, seed: randomBytes(8).toString('hex'), ...columns })
    .onConflict((oc) => oc.column('code').doUpdateSet(columns).where('programs.goal', 'is', null).where('programs.status', '=', 'draft'))
    .returningAll()
    .executeTakeFirst()
  return row && toProgram(row)
}

export async function updateProgramPlan(db: Kysely<Schema>, programId: number, plan: ProgramPlanRow): Promise<void> {
  await db.updateTable('programs').set({ ...planColumns(plan), updated_at: sql<Date>`now()` }).where('id', '=', programId).execute()
}

export async function setProgramStatus(db: Kysely<Schema>, programId: number, status: ProgramStatus): Promise<void> {
  await db.updateTable('programs').set({ status, updated_at: sql<Date>`now()` }).where('id', '=', programId).execute()
}

export type ProgramFilter = { status?: ProgramStatus; statuses?: readonly ProgramStatus[]; goal?: ProgramGoal; ownerId?: number; from?: string; to?: string; limit: number; offset: number }

/** Programs newest first; `from`/`to` keep those whose planned dates overlap the period (undated ones drop out). */
export async function listProgramRecords(db: Kysely<Schema>, filter: ProgramFilter): Promise<{ total: number; items: ProgramRecord[] }> {
  if (filter.statuses?.length === 0) return { total: 0, items: [] }
  let query = db.selectFrom('programs')
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses])
  if (filter.goal) query = query.where('goal', '=', filter.goal)
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId)
  if (filter.from) query = query.where('planned_end', '>=', filter.from)
  if (filter.to) query = query.where('planned_start', '<=', filter.to)
  const { total } = await query.select((e) => e.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute()
  return { total: Number(total), items: rows.map(toProgram) }
}

/** The clients the selection of the program's latest wave gave after the policy, and whether it has a pilot wave at all. */
export async function programWaveFacts(db: Kysely<Schema>, programId: number): Promise<{ latestAudience: number | undefined; pilotWaveBuilt: boolean }> {
  const latest = await db
    .selectFrom('waves')
    .select(['target_count', 'control_count', 'eligible_count'])
    .where('program_id', '=', programId)
    .orderBy('built_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const pilot = await db.selectFrom('waves').select('id').where('program_id', '=', programId).where('kind', '=', 'pilot').executeTakeFirst()
  // The selection's audience, not the pilot's: a pilot on a sample or in some branches counts the clients it was drawn from.
  return { latestAudience: latest && (latest.eligible_count ?? latest.target_count + latest.control_count), pilotWaveBuilt: Boolean(pilot) }
}

function toProgram(row: Selectable<ProgramTable>): ProgramRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status as ProgramStatus,
    seed: row.seed,
    controlShare: Number(row.control_share),
    includeHoldout: row.include_holdout,
    policyOverrides: row.policy_overrides,
    goal: row.goal as ProgramGoal | null,
    targetProduct: row.target_product,
    offer: row.offer,
    offerCode: row.offer_code,
    channels: row.channels as Channel[],
    selectionId: row.selection_id,
    ownerId: row.owner_id,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    budgetKopecks: row.budget_kopecks === null ? null : Number(row.budget_kopecks),
    pilotSize: row.pilot_size,
    businessCase: row.business_case as BusinessCaseAssumptions,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
