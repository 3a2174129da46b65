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
  /** Roubles: the sum of the members' values, and the sum of the squares of each member's total. */
  valueSum: number
  valueSumOfSquares: number
}

/**
 * The wave's responses per group and type: those attributed to the wave (responses.wave_id) that
 * came in [from, until) — the attribution window — by its members. One member's several responses
 * of a type are one responder, with their values added.
 */
export async function summarizeWaveResponses(db: Kysely<Schema>, input: { programId: number; waveId: number; from: string; until: string }): Promise<WaveResponseCell[]> {
  const result = await sql<{ group: 'target' | 'control'; type: ResponseType; responders: number; value_sum: string; value_squares: string }>`
    WITH per_member AS (
      SELECT r.client_id, r.type, COALESCE(sum(r.value), 0) AS total
      FROM responses r
      WHERE r.program_id = ${input.programId} AND r.wave_id = ${input.waveId} AND r.responded_at >= ${input.from} AND r.responded_at < ${input.until}
      GROUP BY r.client_id, r.type
    )
    SELECT m."group", p.type, count(*)::int AS responders, sum(p.total)::text AS value_sum, sum(p.total * p.total)::text AS value_squares
    FROM per_member p JOIN wave_members m ON m.client_id = p.client_id AND m.wave_id = ${input.waveId}
    GROUP BY m."group", p.type
  `.execute(db)
  return result.rows.map((r) => ({ group: r.group, type: r.type, responders: r.responders, valueSum: Number(r.value_sum), valueSumOfSquares: Number(r.value_squares) }))
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
