import { sql, type Kysely } from 'kysely'
import type { ResponseType } from '../../contract/response-types.ts'
import type { Schema } from '../schema.ts'

// What a pilot's verdict reads: the pilot wave with its members counted per group as they are in
// wave_members, and its responses within the attribution window, per group and type.

export type PilotWave = { id: number; builtAt: string; controlShare: number; target: number; control: number }

/** The program's latest pilot wave (built last; the higher id on a tie). */
export async function findPilotWave(db: Kysely<Schema>, programId: number): Promise<PilotWave | undefined> {
  const result = await sql<{ id: number; built_at: Date; control_share: string; target: number; control: number }>`
    SELECT w.id, w.built_at, w.control_share::text AS control_share,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'target')::int AS target,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'control')::int AS control
    FROM waves w WHERE w.program_id = ${programId} AND w.kind = 'pilot'
    ORDER BY w.built_at DESC, w.id DESC LIMIT 1
  `.execute(db)
  const row = result.rows[0]
  return row && { id: row.id, builtAt: new Date(row.built_at).toISOString(), controlShare: Number(row.control_share), target: row.target, control: row.control }
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
 * The wave's responses per group and type: those attributed to the wave (responses.wave_id) that
 * came in [from, until) — the attribution window — by its members. One member's several responses
 * of a type are one responder, with their values added. The variance over all n members of the
 * group is (nΣx² − (Σx)²) / (n(n − 1)), the numerator exact in numeric (values are kopecks), so a
 * large balance loses nothing to cancellation before the one division.
 */
export async function summarizeWaveResponses(db: Kysely<Schema>, input: { programId: number; waveId: number; from: string; until: string }): Promise<WaveResponseCell[]> {
  const result = await sql<{ group: 'target' | 'control'; type: ResponseType; responders: number; mean: number; variance: number }>`
    WITH per_member AS (
      SELECT r.client_id, r.type, COALESCE(sum(r.value), 0) AS total
      FROM responses r
      WHERE r.program_id = ${input.programId} AND r.wave_id = ${input.waveId} AND r.responded_at >= ${input.from} AND r.responded_at < ${input.until}
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
