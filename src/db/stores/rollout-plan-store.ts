import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export type StoredRolloutPlan = { inputs: unknown; plan: unknown; savedAt: string; savedBy: { login: string; fullName: string | null } }

/** Members of the program's pilot waves who were contacted (the target group); undefined when it has no pilot wave yet. */
export async function pilotContactedCount(db: Kysely<Schema>, programId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('waves')
    .select((e) => [e.fn.sum<string | number | null>('target_count').as('target'), e.fn.countAll<string | number>().as('waves')])
    .where('program_id', '=', programId)
    .where('kind', '=', 'pilot')
    .executeTakeFirstOrThrow()
  return Number(row.waves) === 0 ? undefined : Number(row.target)
}

/** Saves the program's chosen plan, replacing the one before. */
export async function saveRolloutPlan(db: Kysely<Schema>, input: { programId: number; inputs: unknown; plan: unknown; savedBy: { id: number | null; login: string } }): Promise<void> {
  const values = { inputs: JSON.stringify(input.inputs), plan: JSON.stringify(input.plan), saved_by: input.savedBy.id, saved_by_login: input.savedBy.login, saved_at: sql<Date>`now()` }
  await db
    .insertInto('program_rollout_plans')
    .values({ program_id: input.programId, ...values })
    .onConflict((oc) => oc.column('program_id').doUpdateSet(values))
    .execute()
}

export async function findRolloutPlan(db: Kysely<Schema>, programId: number): Promise<StoredRolloutPlan | undefined> {
  const row = await db
    .selectFrom('program_rollout_plans as r')
    .leftJoin('users as u', 'u.id', 'r.saved_by')
    .select(['r.inputs', 'r.plan', 'r.saved_at', 'r.saved_by_login', 'u.full_name'])
    .where('r.program_id', '=', programId)
    .executeTakeFirst()
  return row && { inputs: row.inputs, plan: row.plan, savedAt: new Date(row.saved_at).toISOString(), savedBy: { login: row.saved_by_login, fullName: row.full_name } }
}
