import { sql, type Kysely } from 'kysely'
import type { ResponseType } from '../../contract/response-types.ts'
import type { Schema } from '../schema.ts'
import { programResponsesSql } from './response-attribution-store.ts'

// What a program's results read (app/program/view-program-results.ts): each wave (an arm) with the
// offer it sends and its members per group, and per group and type the members who responded
// within the wave's attribution window — the program's own responses and the events attributed to
// it, as the verdict counts them (response-attribution-store.ts). Responses are matched to a wave by membership — the
// client is a member, the response is the program's and came in the window — not by
// responses.wave_id, because one control group may serve two arms (the Hillstrom experiment) and
// attribution files each response under one wave only.

export type ArmWave = { id: number; builtAt: string; offerCode: string | null; offerName: string | null; target: number; control: number }

/** The program's waves in the order they were built, with their offers and group sizes. */
export async function listArmWaves(db: Kysely<Schema>, programId: number): Promise<ArmWave[]> {
  const result = await sql<{ id: number; built_at: Date; offer_code: string | null; offer_name: string | null; target: number; control: number }>`
    SELECT w.id, w.built_at, o.code AS offer_code, o.name AS offer_name,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'target')::int AS target,
      (SELECT count(*) FROM wave_members m WHERE m.wave_id = w.id AND m."group" = 'control')::int AS control
    FROM waves w LEFT JOIN offers o ON o.id = w.offer_id
    WHERE w.program_id = ${programId}
    ORDER BY w.built_at, w.id
  `.execute(db)
  return result.rows.map((r) => ({ id: r.id, builtAt: new Date(r.built_at).toISOString(), offerCode: r.offer_code, offerName: r.offer_name, target: r.target, control: r.control }))
}

/** The same windows as a VALUES list, for the queries below. */
function windowValues(windows: readonly { waveId: number; from: string; until: string }[]) {
  return sql.join(windows.map((w) => sql`(${w.waveId}::int, ${w.from}::timestamptz, ${w.until}::timestamptz)`))
}

export type ArmCell = { waveId: number; group: 'target' | 'control'; type: ResponseType; responders: number; mean: number; variance: number }

/**
 * Per wave, group and type: responders (one member's several responses of a type are one, their
 * values added) and the values' mean and sample variance over all the group's members, exact in
 * numeric up to the one division, as the verdict computes them (pilot-verdict-store.ts).
 */
export async function summarizeArmResponses(
  db: Kysely<Schema>,
  input: { programId: number; windows: readonly { waveId: number; from: string; until: string }[] },
): Promise<ArmCell[]> {
  if (input.windows.length === 0) return []
  const windows = windowValues(input.windows)
  const result = await sql<{ wave_id: number; group: 'target' | 'control'; type: ResponseType; responders: number; mean: number; variance: number }>`
    WITH win (wave_id, from_at, until_at) AS (VALUES ${windows}),
    per_member AS (
      SELECT m.wave_id, m."group", r.client_id, r.type, COALESCE(sum(r.value), 0) AS total
      FROM win JOIN wave_members m ON m.wave_id = win.wave_id
      JOIN ${programResponsesSql(input.programId)} r ON r.client_id = m.client_id
        AND r.responded_at >= win.from_at AND r.responded_at < win.until_at
      GROUP BY m.wave_id, m."group", r.client_id, r.type
    ),
    cells AS (
      SELECT wave_id, "group", type, count(*) AS responders, sum(total) AS s, sum(total * total) AS q
      FROM per_member GROUP BY wave_id, "group", type
    ),
    sizes AS (
      SELECT m.wave_id, m."group", count(*)::numeric AS n FROM win JOIN wave_members m ON m.wave_id = win.wave_id
      GROUP BY m.wave_id, m."group"
    )
    SELECT c.wave_id, c."group", c.type, c.responders::int AS responders, (c.s / z.n)::float8 AS mean,
      CASE WHEN z.n > 1 THEN ((z.n * c.q - c.s * c.s) / (z.n * (z.n - 1)))::float8 ELSE 0 END AS variance
    FROM cells c JOIN sizes z ON z.wave_id = c.wave_id AND z."group" = c."group"
  `.execute(db)
  return result.rows.map((r) => ({ waveId: r.wave_id, group: r.group, type: r.type, responders: r.responders, mean: Number(r.mean), variance: Number(r.variance) }))
}

export type LeadSales = { leads: number; won: number; value: string }

/**
 * The program's leads and the sales that closed them (issue 8, item 6): how many leads its
 * contacts brought, how many a manager closed as won and the sum of those sales in exact roubles
 * (numeric, as a decimal string). A sale is the manager's word, not an attributed response: it is
 * counted beside the arms, not inside their uplift.
 */
export async function summarizeLeadSales(db: Kysely<Schema>, programId: number): Promise<LeadSales> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => [
      eb.fn.countAll<string>().as('leads'),
      sql<string>`count(*) FILTER (WHERE status = 'won')`.as('won'),
      sql<string>`COALESCE(sum(sale_amount) FILTER (WHERE status = 'won'), 0)::numeric(16,2)::text`.as('value'),
    ])
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow()
  return { leads: Number(row.leads), won: Number(row.won), value: row.value }
}

export type FirstResponseDay = { waveId: number; group: 'target' | 'control'; type: ResponseType; day: number; responders: number }

/**
 * Per wave, group and type, the members counted by the day of their first response in the window
 * — day k is [wave + k × 24 h, wave + (k + 1) × 24 h), the window's own clock — matched to the
 * wave by membership as summarizeArmResponses matches them, so the curve ends at the arm's rate.
 */
export async function countFirstResponseDays(
  db: Kysely<Schema>,
  input: { programId: number; windows: readonly { waveId: number; from: string; until: string }[] },
): Promise<FirstResponseDay[]> {
  if (input.windows.length === 0) return []
  const result = await sql<{ wave_id: number; group: 'target' | 'control'; type: ResponseType; day: number; responders: number }>`
    WITH win (wave_id, from_at, until_at) AS (VALUES ${windowValues(input.windows)}),
    firsts AS (
      SELECT m.wave_id, m."group", r.type, win.from_at, min(r.responded_at) AS first_at
      FROM win JOIN wave_members m ON m.wave_id = win.wave_id
      JOIN ${programResponsesSql(input.programId)} r ON r.client_id = m.client_id
        AND r.responded_at >= win.from_at AND r.responded_at < win.until_at
      GROUP BY m.wave_id, m."group", m.client_id, r.type, win.from_at
    )
    SELECT wave_id, "group", type, floor(extract(epoch FROM first_at - from_at) / 86400)::int AS day, count(*)::int AS responders
    FROM firsts GROUP BY wave_id, "group", type, day
  `.execute(db)
  return result.rows.map((r) => ({ waveId: r.wave_id, group: r.group, type: r.type, day: r.day, responders: r.responders }))
}
