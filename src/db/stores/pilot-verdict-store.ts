import { sql, type Kysely } from 'kysely'
import type { ResponseType } from '../../contract/response-types.ts'
import type { Schema } from '../schema.ts'
import { programResponsesSql } from './response-attribution-store.ts'

// What a pilot's verdict reads: the pilot wave with its members counted per group as they are in
// wave_members, and its responses within the attribution window, per group and type.

export type PilotWave = { id: number; builtAt: string; controlShare: number; target: number; control: number; /** The bank day it was built for. */ asOf: string }

/** The program's latest pilot wave (built last; the higher id on a tie). */
export async function findPilotWave(db: Kysely<Schema>, programId: number): Promise<PilotWave | undefined> {
  const result = await sql<{ id: number; built_at: Date; control_share: string; target: number; control: number; as_of: string }>`
    SELECT w.id, w.built_at, w.control_share::text AS control_share, w.as_of::text AS as_of,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'target')::int AS target,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'control')::int AS control
    FROM waves w WHERE w.program_id = ${programId} AND w.kind = 'pilot'
    ORDER BY w.built_at DESC, w.id DESC LIMIT 1
  `.execute(db)
  const row = result.rows[0]
  return row && { id: row.id, builtAt: new Date(row.built_at).toISOString(), controlShare: Number(row.control_share), target: row.target, control: row.control, asOf: row.as_of }
}

export type WaveResponseCell = {
  group: 'target' | 'control'
  type: ResponseType
  /** Members with at least one response of the type in the window. */
  responders: number
  /** Roubles per member of the group (a member without a response counts 0): the mean and the sample variance. */
  mean: number
  variance: number
}

/**
 * The wave's responses per group and type: those attributed to the wave (its own, and the events
 * given to it, db/stores/response-attribution-store.ts) that
 * came in [from, until) — the attribution window — by its members. One member's several responses
 * of a type are one responder, with their values added. The variance over all n members of the
 * group is (nΣx² − (Σx)²) / (n(n − 1)), the numerator exact in numeric (values are kopecks), so a
 * large balance loses nothing to cancellation before the one division.
 */
export async function summarizeWaveResponses(db: Kysely<Schema>, input: { programId: number; waveId: number; from: string; until: string }): Promise<WaveResponseCell[]> {
  const result = await sql<{ group: 'target' | 'control'; type: ResponseType; responders: number; mean: number; variance: number }>`
    WITH per_member AS (
      SELECT r.client_id, r.type, COALESCE(sum(r.value), 0) AS total
      FROM ${programResponsesSql(input.programId)} r
      WHERE r.wave_id = ${input.waveId} AND r.responded_at >= ${input.from} AND r.responded_at < ${input.until}
      GROUP BY r.client_id, r.type
    ),
    cells AS (
      SELECT m."group", p.type, count(*) AS responders, sum(p.total) AS s, sum(p.total * p.total) AS q
      FROM per_member p JOIN wave_members m ON m.client_id = p.client_id AND m.wave_id = ${input.waveId}
      GROUP BY m."group", p.type
    ),
    sizes AS (SELECT "group", count(*)::numeric AS n FROM wave_members WHERE wave_id = ${input.waveId} GROUP BY "group")
    SELECT c."group", c.type, c.responders::int AS responders, (c.s / z.n)::float8 AS mean,
      CASE WHEN z.n > 1 THEN ((z.n * c.q - c.s * c.s) / (z.n * (z.n - 1)))::float8 ELSE 0 END AS variance
    FROM cells c JOIN sizes z ON z."group" = c."group"
  `.execute(db)
  return result.rows.map((r) => ({ group: r.group, type: r.type, responders: r.responders, mean: Number(r.mean), variance: Number(r.variance) }))
}

/** The activity columns a CUPED covariate may be: a closed list, never user text. */
export type CupedCovariate = 'card_spend' | 'turnover'

export type CupedCell = {
  group: 'target' | 'control'
  n: number
  /** Y: the type's value per member in the window (0 without a response). */
  mean: number
  variance: number
  /** X: the covariate's sum per member over the pre-period (0 without activity). */
  meanX: number
  varianceX: number
  covariance: number
}

/**
 * Per group, every member's value of a type in the attribution window (Y) beside their activity
 * column summed over the pre-period months (X): the moments CUPED needs. Variances and the
 * covariance are (nΣab − ΣaΣb) / (n(n − 1)) with the sums exact in numeric, one division each.
 */
export async function summarizeCupedValues(
  db: Kysely<Schema>,
  input: { programId: number; waveId: number; type: ResponseType; from: string; until: string; covariate: CupedCovariate; preFrom: string; preUntil: string },
): Promise<CupedCell[]> {
  const column = sql.ref(`a.${input.covariate}`)
  const result = await sql<{ group: 'target' | 'control'; n: number; mean: number; variance: number; mean_x: number; variance_x: number; covariance: number }>`
    WITH y AS (
      SELECT r.client_id, sum(r.value) AS v FROM ${programResponsesSql(input.programId)} r
      WHERE r.wave_id = ${input.waveId} AND r.type = ${input.type}
        AND r.responded_at >= ${input.from} AND r.responded_at < ${input.until}
      GROUP BY r.client_id
    ),
    x AS (
      SELECT a.client_id, sum(${column}) AS v FROM activity a
      JOIN wave_members m ON m.client_id = a.client_id AND m.wave_id = ${input.waveId}
      WHERE a.month >= ${input.preFrom}::date AND a.month < ${input.preUntil}::date
      GROUP BY a.client_id
    ),
    per_member AS (
      SELECT m."group", COALESCE(y.v, 0) AS y, COALESCE(x.v, 0) AS x FROM wave_members m
      LEFT JOIN y ON y.client_id = m.client_id LEFT JOIN x ON x.client_id = m.client_id
      WHERE m.wave_id = ${input.waveId}
    ),
    sums AS (
      SELECT "group", count(*)::numeric AS n, sum(y) AS sy, sum(y * y) AS syy, sum(x) AS sx, sum(x * x) AS sxx, sum(x * y) AS sxy
      FROM per_member GROUP BY "group"
    )
    SELECT "group", n::int AS n, (sy / n)::float8 AS mean, (sx / n)::float8 AS mean_x,
      CASE WHEN n > 1 THEN ((n * syy - sy * sy) / (n * (n - 1)))::float8 ELSE 0 END AS variance,
      CASE WHEN n > 1 THEN ((n * sxx - sx * sx) / (n * (n - 1)))::float8 ELSE 0 END AS variance_x,
      CASE WHEN n > 1 THEN ((n * sxy - sx * sy) / (n * (n - 1)))::float8 ELSE 0 END AS covariance
    FROM sums
  `.execute(db)
  return result.rows.map((r) => ({
    group: r.group, n: r.n, mean: Number(r.mean), variance: Number(r.variance), meanX: Number(r.mean_x), varianceX: Number(r.variance_x), covariance: Number(r.covariance),
  }))
}

export type SrmExplanation = { at: string; login: string; text: string }

/** The explanation recorded for a wave's sample-ratio mismatch: a decision record whose snapshot names the wave (the latest, if several). */
export async function findSrmExplanation(db: Kysely<Schema>, input: { programId: number; waveId: number }): Promise<SrmExplanation | undefined> {
  const row = await db
    .selectFrom('program_decisions')
    .select(['at', 'author_login', 'comment'])
    .where('program_id', '=', input.programId)
    .where(sql<string>`snapshot #>> '{srmExplanation,waveId}'`, '=', String(input.waveId))
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row && { at: new Date(row.at).toISOString(), login: row.author_login, text: row.comment ?? '' }
}
