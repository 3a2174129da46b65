import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { UpliftProfileFeature } from '../../core/model/uplift-profile-features.ts'
import type { Schema } from '../schema.ts'
import { programResponsesSql } from './response-attribution-store.ts'
import { writeModelScores } from './write-model-scores.ts'

// What the uplift model reads and writes (app/model/train-wave-uplift-model.ts): a past wave's
// members with their profile facts and whether they responded, the whole base's facts page by
// page, the model's version and every client's score, each in a short statement of its own — on
// PGlite one connection serves every user, so no read or write here holds it for long.

/** One profile fact per feature; ages and tenures in whole years and months to `today`. */
function featureSql(today: string): Record<UpliftProfileFeature, RawBuilder<unknown>> {
  const day = sql`CAST(${today} AS date)`
  return {
    age: sql`date_part('year', age(${day}, p.birth_date))::float8`,
    gender: sql`p.gender`,
    region: sql`p.region_code`,
    segment: sql`p.segment`,
    income: sql`p.income::float8`,
    tenure_months: sql`(date_part('year', age(${day}, p.client_since)) * 12 + date_part('month', age(${day}, p.client_since)))::float8`,
    vip: sql`CASE WHEN p.vip THEN 'yes' ELSE 'no' END`,
    turnover_12m: sql`p.turnover_12m::float8`,
    transactions_3m: sql`p.transactions_3m::float8`,
    turnover_trend: sql`p.turnover_trend::float8`,
    consent_email: sql`CASE WHEN p.consent_email THEN 'yes' ELSE 'no' END`,
    consent_sms: sql`CASE WHEN p.consent_sms THEN 'yes' ELSE 'no' END`,
    consent_call: sql`CASE WHEN p.consent_call THEN 'yes' ELSE 'no' END`,
  }
}

function featureColumns(today: string, features: readonly UpliftProfileFeature[]): RawBuilder<unknown> {
  const expressions = featureSql(today)
  return sql.join(features.map((name) => sql`${expressions[name]} AS ${sql.ref(name)}`))
}

export type FeatureValues = Record<string, string | number | null>
export type UpliftMemberRow = { clientId: number; treated: 0 | 1; responded: 0 | 1; features: FeatureValues }

export type ReadUpliftMembersInput = {
  waveId: number
  programId: number
  type: string
  /** The attribution window: a response of the type at or after `from` and before `until` counts. */
  from: string
  until: string
  today: string
  features: readonly UpliftProfileFeature[]
  /** Keyset: members with a client id above this, at most `limit` of them, in client id order. */
  after: number
  limit: number
}

/** A page of a wave's members: group, response within the window, and profile facts (null for a client without a profile row). */
export async function readUpliftMembers(db: Kysely<Schema>, input: ReadUpliftMembersInput): Promise<UpliftMemberRow[]> {
  const result = await sql<Record<string, unknown> & { client_id: string | number; group: string; responded: boolean }>`
    SELECT m.client_id, m."group",
      EXISTS (SELECT 1 FROM ${programResponsesSql(input.programId)} r WHERE r.client_id = m.client_id AND r.type = ${input.type}
        AND r.responded_at >= ${input.from}::timestamptz AND r.responded_at < ${input.until}::timestamptz) AS responded,
      ${featureColumns(input.today, input.features)}
    FROM wave_members m LEFT JOIN client_profile p ON p.client_id = m.client_id
    WHERE m.wave_id = ${input.waveId} AND m.client_id > ${input.after}
    ORDER BY m.client_id LIMIT ${input.limit}
  `.execute(db)
  return result.rows.map((r) => ({
    clientId: Number(r.client_id),
    treated: r.group === 'target' ? 1 : 0,
    responded: r.responded ? 1 : 0,
    features: pick(r, input.features),
  }))
}

/** A page of the client base's profile facts, in client id order after `after`. */
export async function readProfileFeatures(
  db: Kysely<Schema>,
  input: { today: string; features: readonly UpliftProfileFeature[]; after: number; limit: number },
): Promise<{ clientId: number; features: FeatureValues }[]> {
  const result = await sql<Record<string, unknown> & { client_id: string | number }>`
    SELECT p.client_id, ${featureColumns(input.today, input.features)} FROM client_profile p
    WHERE p.client_id > ${input.after} ORDER BY p.client_id LIMIT ${input.limit}
  `.execute(db)
  return result.rows.map((r) => ({ clientId: Number(r.client_id), features: pick(r, input.features) }))
}

function pick(row: Record<string, unknown>, features: readonly string[]): FeatureValues {
  return Object.fromEntries(features.map((name) => [name, row[name] === undefined ? null : (row[name] as string | number | null)]))
}

export type InsertUpliftModelInput = {
  programId: number
  waveId: number
  responseType: string
  approach: string
  model: unknown
  metrics: unknown
  trainedBy: number | null
  trainedByLogin: string | null
}

/** Stores a model as its program's next version (the caller's transaction holds the program row). */
export async function insertUpliftModel(db: Kysely<Schema>, input: InsertUpliftModelInput): Promise<{ id: number; version: number }> {
  const row = await db
    .insertInto('uplift_models')
    .values({
      program_id: input.programId,
      version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM uplift_models WHERE program_id = ${input.programId})`,
      wave_id: input.waveId,
      response_type: input.responseType,
      approach: input.approach,
      model: JSON.stringify(input.model),
      metrics: JSON.stringify(input.metrics),
      trained_by: input.trainedBy,
      trained_by_login: input.trainedByLogin,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  return { id: row.id, version: row.version }
}

/** Writes one page of scores of a model (a rerun of the page replaces it). */
export async function writeClientScores(db: Kysely<Schema>, modelId: number, scores: readonly { clientId: number; score: number }[]): Promise<void> {
  await writeModelScores(db, 'client_scores', modelId, scores)
}

/** Marks a model scored: from now on it is the newest score selections read. */
export async function finishUpliftScoring(db: Kysely<Schema>, modelId: number, count: number): Promise<void> {
  await db.updateTable('uplift_models').set({ scored_count: count, scored_at: sql`now()` }).where('id', '=', modelId).execute()
}

export type StoredUpliftModel = {
  id: number
  version: number
  programCode: string
  approach: string
  responseType: string
  metrics: unknown
  trainedAt: string
  trainedBy: string | null
  scoredCount: number | null
}

/** The newest uplift model trained on a wave, or undefined. */
export async function findNewestWaveUpliftModel(db: Kysely<Schema>, waveId: number): Promise<StoredUpliftModel | undefined> {
  const row = await db
    .selectFrom('uplift_models as u')
    .innerJoin('programs as g', 'g.id', 'u.program_id')
    .leftJoin('users as x', 'x.id', 'u.trained_by')
    .select(['u.id', 'u.version', 'g.code', 'u.approach', 'u.response_type', 'u.metrics', 'u.trained_at', 'u.trained_by_login', 'x.login', 'u.scored_count'])
    .where('u.wave_id', '=', waveId)
    .orderBy('u.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    version: row.version,
    programCode: row.code,
    approach: row.approach,
    responseType: row.response_type,
    metrics: typeof row.metrics === 'string' ? JSON.parse(row.metrics) : row.metrics,
    trainedAt: new Date(row.trained_at as unknown as string).toISOString(),
    trainedBy: row.login ?? row.trained_by_login,
    scoredCount: row.scored_count,
  }
}
