import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'
import { writeModelScores } from './write-model-scores.ts'

// The churn model's versions and every client's score under each (migration 0032).

export type InsertChurnModelInput = { definition: unknown; model: unknown; metrics: unknown; trainedBy: number | null; trainedByLogin: string | null }

/** Stores a model as the next version (the caller's transaction makes the number its own). */
export async function insertChurnModel(db: Kysely<Schema>, input: InsertChurnModelInput): Promise<{ id: number; version: number }> {
  await sql`LOCK TABLE churn_models IN EXCLUSIVE MODE`.execute(db)
  return db
    .insertInto('churn_models')
    .values({
      version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM churn_models)`,
      definition: JSON.stringify(input.definition),
      model: JSON.stringify(input.model),
      metrics: JSON.stringify(input.metrics),
      trained_by: input.trainedBy,
      trained_by_login: input.trainedByLogin,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

/** Writes one page of a model's scores (a rerun of the page replaces it). */
export async function writeChurnScores(db: Kysely<Schema>, modelId: number, scores: readonly { clientId: number; score: number }[]): Promise<void> {
  await writeModelScores(db, 'churn_scores', modelId, scores)
}

/** Marks a model scored: from now on the profile's churn_score reads it. */
export async function finishChurnScoring(db: Kysely<Schema>, modelId: number, count: number): Promise<void> {
  await db.updateTable('churn_models').set({ scored_count: count, scored_at: sql`now()` }).where('id', '=', modelId).execute()
}

export type StoredChurnModel = {
  id: number
  version: number
  trainedAt: string
  trainedBy: string | null
  metrics: unknown
  scoredCount: number | null
}

/** The newest churn model, scored or not, or undefined. */
export async function findNewestChurnModel(db: Kysely<Schema>): Promise<StoredChurnModel | undefined> {
  const row = await db
    .selectFrom('churn_models as m')
    .leftJoin('users as u', 'u.id', 'm.trained_by')
    .select(['m.id', 'm.version', 'm.trained_at', 'm.trained_by_login', 'u.login', 'm.metrics', 'm.scored_count'])
    .orderBy('m.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    version: row.version,
    trainedAt: new Date(row.trained_at as unknown as string).toISOString(),
    trainedBy: row.login ?? row.trained_by_login,
    metrics: typeof row.metrics === 'string' ? JSON.parse(row.metrics) : row.metrics,
    scoredCount: row.scored_count,
  }
}

/** The profile's churn_score: the client's score under the newest churn model whose scoring finished. */
export function newestChurnScoreSql(clientId: ReturnType<typeof sql>) {
  return sql`(SELECT s.score FROM churn_scores s WHERE s.client_id = ${clientId}
    AND s.model_id = (SELECT max(m.id) FROM churn_models m WHERE m.scored_at IS NOT NULL))`
}

/** A stored model's coefficients by feature name. */
export async function readChurnModelCoefficients(db: Kysely<Schema>, modelId: number): Promise<Record<string, number>> {
  const row = await db.selectFrom('churn_models').select('model').where('id', '=', modelId).executeTakeFirstOrThrow()
  const model = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as { coefficients: Record<string, number> }
  return model.coefficients
}

/** The score at a quantile (0.9: the top decile starts there) under the newest scored model, or undefined without one. */
export async function newestChurnScoreQuantile(db: Kysely<Schema>, quantile: number): Promise<number | undefined> {
  const result = await sql<{ q: number | null }>`
    SELECT percentile_disc(${quantile}::float8) WITHIN GROUP (ORDER BY s.score) AS q FROM churn_scores s
    WHERE s.model_id = (SELECT max(m.id) FROM churn_models m WHERE m.scored_at IS NOT NULL)`.execute(db)
  const q = result.rows[0]?.q
  return q === null || q === undefined ? undefined : Number(q)
}
