import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

/** The tables of per-client scores: the uplift models' (migration 0029) and the churn models' (0032). */
export type ScoreTable = 'client_scores' | 'churn_scores'

/** Writes one page of a model's scores (a rerun of the page replaces it), one statement. */
export async function writeModelScores(db: Kysely<Schema>, table: ScoreTable, modelId: number, scores: readonly { clientId: number; score: number }[]): Promise<void> {
  if (scores.length === 0) return
  await sql`
    INSERT INTO ${sql.table(table)} (client_id, model_id, score)
    SELECT c, ${modelId}, s FROM unnest(CAST(${scores.map((s) => s.clientId)} AS bigint[]), CAST(${scores.map((s) => s.score)} AS float8[])) AS u(c, s)
    ON CONFLICT (client_id, model_id) DO UPDATE SET score = excluded.score
  `.execute(db)
}
