import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'
import { assertName } from './import-stage-store.ts'

// The complaints of CFPB files (migration 0031). An import stages its checked rows (columns named as
// the table's, app/import/cfpb/complaint-stage.ts) and applies them here in its transaction.

/** The columns a staged complaint carries besides its line, in the stage's order. */
export const MARKET_COMPLAINT_COLUMNS = [
  'source_key', 'format', 'complaint_id', 'received_on', 'product', 'sub_product', 'issue', 'sub_issue', 'narrative',
  'company_public_response', 'company', 'state', 'zip_code', 'tags', 'consumer_consent', 'submitted_via', 'sent_on',
  'company_response', 'timely', 'disputed', 'category_code',
] as const

/**
 * Upserts the staged complaints by their source key: a complaint seen before takes the file's
 * values (a later export may carry the company's final response) and this import. Returns how many
 * were new.
 */
export async function applyMarketComplaintStage(db: Kysely<Schema>, input: { stage: string; importId: number }): Promise<number> {
  assertName(input.stage)
  const columns = sql.raw(MARKET_COMPLAINT_COLUMNS.join(', '))
  const updates = sql.raw(MARKET_COMPLAINT_COLUMNS.filter((c) => c !== 'source_key').map((c) => `${c} = EXCLUDED.${c}`).join(', '))
  const result = await sql<{ added: number }>`
    WITH written AS (
      INSERT INTO market_complaints (${columns}, import_id)
      SELECT ${columns}, ${input.importId}::integer FROM ${sql.id(input.stage)}
      ON CONFLICT (source_key) DO UPDATE SET ${updates}, import_id = EXCLUDED.import_id
      RETURNING (xmax = 0) AS added
    )
    SELECT count(*) FILTER (WHERE added)::integer AS added FROM written
  `.execute(db)
  return result.rows[0]?.added ?? 0
}
