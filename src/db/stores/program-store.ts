import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export type ProgramRecord = {
  id: number
  code: string
  name: string
  status: string
  seed: string
  controlShare: number
  includeHoldout: boolean
  policyOverrides: unknown
}

export async function findProgramByCode(db: Kysely<Schema>, code: string): Promise<ProgramRecord | undefined> {
  const row = await db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst()
  return row && toProgram(row)
}

export async function findProgram(db: Kysely<Schema>, id: number): Promise<ProgramRecord | undefined> {
  const row = await db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toProgram(row)
}

/** Until the program registry exists, a wave for an unknown code creates a draft program of it. */
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

function toProgram(row: {
  id: number
  code: string
  name: string
  status: string
  seed: string
  control_share: number
  include_holdout: boolean
  policy_overrides: unknown
}): ProgramRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    seed: row.seed,
    controlShare: Number(row.control_share),
    includeHoldout: row.include_holdout,
    policyOverrides: row.policy_overrides,
  }
}
