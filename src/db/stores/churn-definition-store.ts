import type { Kysely } from 'kysely'
import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import type { Schema } from '../schema.ts'

const KEY = 'churn'

/** The bank's churn definition (bank_settings 'churn'), or undefined while it is the default. */
export async function readChurnDefinitionSetting(db: Kysely<Schema>): Promise<{ definition: ChurnDefinition; updatedAt: string } | undefined> {
  const row = await db.selectFrom('bank_settings').select(['value', 'updated_at']).where('key', '=', KEY).executeTakeFirst()
  if (!row) return undefined
  const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value
  return { definition: value as ChurnDefinition, updatedAt: new Date(row.updated_at as unknown as string).toISOString() }
}

export async function saveChurnDefinition(db: Kysely<Schema>, definition: ChurnDefinition): Promise<void> {
  const value = JSON.stringify(definition)
  await db
    .insertInto('bank_settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
    .execute()
}

/** Which of these product codes the catalogue has. */
export async function knownProductCodes(db: Kysely<Schema>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  return new Set((await db.selectFrom('products').select('code').where('code', 'in', codes).execute()).map((r) => r.code))
}
