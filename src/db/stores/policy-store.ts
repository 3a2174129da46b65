import type { Kysely } from 'kysely'
import { contactPolicySchema, type ContactPolicy } from '../../contract/contact-policy.ts'
import { DEFAULT_CONTACT_POLICY, DEFAULT_UNIVERSAL_HOLDOUT, type UniversalHoldout } from '../../core/selection/contact-policy.ts'
import type { Schema } from '../schema.ts'

/** The current global contact policy and its version; the defaults become version 1 on first use. */
export async function currentContactPolicy(db: Kysely<Schema>): Promise<{ version: number; policy: ContactPolicy }> {
  const row = await db.selectFrom('contact_policies').select(['version', 'rules']).orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (row) return { version: row.version, policy: contactPolicySchema.parse(row.rules) }
  return saveContactPolicy(db, DEFAULT_CONTACT_POLICY, null)
}

export async function saveContactPolicy(
  db: Kysely<Schema>,
  policy: ContactPolicy,
  userId: number | null,
): Promise<{ version: number; policy: ContactPolicy }> {
  const row = await db
    .insertInto('contact_policies')
    .values({ rules: JSON.stringify(policy), created_by: userId })
    .returning('version')
    .executeTakeFirstOrThrow()
  return { version: row.version, policy }
}

export async function universalHoldout(db: Kysely<Schema>): Promise<UniversalHoldout> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'universal_holdout').executeTakeFirst()
  return (row?.value as UniversalHoldout | undefined) ?? DEFAULT_UNIVERSAL_HOLDOUT
}

export async function saveUniversalHoldout(db: Kysely<Schema>, holdout: UniversalHoldout): Promise<void> {
  await db
    .insertInto('bank_settings')
    .values({ key: 'universal_holdout', value: JSON.stringify(holdout) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(holdout), updated_at: new Date() }))
    .execute()
}
