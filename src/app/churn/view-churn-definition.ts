import type { Kysely } from 'kysely'
import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import { DEFAULT_CHURN_DEFINITION } from '../../core/churn/default-churn-definition.ts'
import type { Schema } from '../../db/schema.ts'
import { readChurnDefinitionSetting } from '../../db/stores/churn-definition-store.ts'

/** The bank's churn definition in force, and when it was last set (null: still the default). */
export async function viewChurnDefinition(db: Kysely<Schema>): Promise<ChurnDefinition & { updatedAt: string | null }> {
  const stored = await readChurnDefinitionSetting(db)
  return stored ? { ...stored.definition, updatedAt: stored.updatedAt } : { ...DEFAULT_CHURN_DEFINITION, updatedAt: null }
}
