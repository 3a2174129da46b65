import type { Kysely } from 'kysely'
import { callPolicySchema, type CallPolicy } from '../../contract/call-policy.ts'
import type { Schema } from '../schema.ts'

/** The program's own attempt policy, or undefined when it has none (the bank default applies). */
export async function readCallPolicy(db: Kysely<Schema>, programId: number): Promise<CallPolicy | undefined> {
  const row = await db.selectFrom('call_policies').select('policy').where('program_id', '=', programId).executeTakeFirst()
  const parsed = callPolicySchema.safeParse(row?.policy)
  return parsed.success ? parsed.data : undefined
}

export async function saveCallPolicy(db: Kysely<Schema>, input: { programId: number; policy: CallPolicy; userId: number | null; at: Date }): Promise<void> {
  const values = { program_id: input.programId, policy: JSON.stringify(input.policy), updated_by: input.userId, updated_at: input.at }
  await db
    .insertInto('call_policies')
    .values(values)
    .onConflict((oc) => oc.column('program_id').doUpdateSet({ policy: values.policy, updated_by: values.updated_by, updated_at: values.updated_at }))
    .execute()
}
