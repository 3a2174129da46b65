import { sql, type Kysely, type RawBuilder } from 'kysely'
import { DEFAULT_ATTRIBUTION_DAYS } from '../../core/program/attribution-window.ts'
import type { Schema } from '../schema.ts'

// The SQL twin of core/response/attribute-event.ts, over a range of clients: every event that came
// without a program (responses.program_id IS NULL) gets the one wave its rule picks, or none. One
// range is one short transaction (PGlite holds one connection): its old attributions go and the
// new ones come in together, so a reader sees one answer or the other, and a re-run over the same
// data writes the same rows. (A rule is `def.item`, never a bare `rule`: waves has a column of that name.)

/** The client ids with events that came without a program, lowest and highest; null when there are none. */
export async function eventClientBounds(db: Kysely<Schema>): Promise<{ min: number; max: number } | null> {
  const result = await sql<{ min: string | null; max: string | null }>`
    SELECT min(client_id)::text AS min, max(client_id)::text AS max FROM responses WHERE program_id IS NULL
  `.execute(db)
  const row = result.rows[0]
  return row?.min == null || row.max == null ? null : { min: Number(row.min), max: Number(row.max) }
}

/** No further condition, or only the listed clients (an import's, app/response/attribute-responses.ts). */
function onlyClients(column: RawBuilder<unknown>, clients: readonly number[] | undefined): RawBuilder<unknown> {
  return clients === undefined ? sql`true` : sql`${column} = ANY(${clients.map(String)}::bigint[])`
}

/** The events that came without a program of clients in [from, upTo] (and of the listed ones only, when listed): what a run reports beside those it attributed. */
export async function countEvents(db: Kysely<Schema>, input: { from: number; upTo: number; clients?: readonly number[] }): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM responses WHERE program_id IS NULL AND client_id >= ${input.from} AND client_id <= ${input.upTo}
      AND ${onlyClients(sql`client_id`, input.clients)}
  `.execute(db)
  return result.rows[0]!.n
}

/**
 * Attributes the events of clients in (after, upTo] by the stated rule: the window is the
 * program's attribution window, [built, built + days × 24 h); the tie-breaks are the core rule's:
 * the latest wave, the smaller priority number, the larger wave id. With `clients`, only theirs
 * within the range, the rest of it untouched. Returns how many it attributed.
 * (The events are counted once for the run, countEvents: a count per range read each range's
 * events a second time, a tenth of the range's time on a server.)
 */
export async function attributeEventRange(db: Kysely<Schema>, input: { after: number; upTo: number; clients?: readonly number[] }): Promise<number> {
  const { after, upTo } = input
  return db.transaction().execute(async (tx) => {
    const chosen = await sql<{ attributed: number }>`
      WITH picked AS (
        SELECT DISTINCT ON (r.client_id, r.id) r.client_id, r.id AS response_id, w.program_id, w.id AS wave_id, m."group"
        FROM responses r
        JOIN wave_members m ON m.client_id = r.client_id
        JOIN waves w ON w.id = m.wave_id
        JOIN programs g ON g.id = w.program_id AND g.response_definition IS NOT NULL
        LEFT JOIN products pr ON pr.code = r.product_code
        WHERE r.program_id IS NULL AND r.client_id > ${after} AND r.client_id <= ${upTo} AND ${onlyClients(sql`r.client_id`, input.clients)}
          -- The range again on the members: the planner does not carry it over the join, and
          -- without it reads every membership of the bank for each range.
          AND m.client_id > ${after} AND m.client_id <= ${upTo} AND ${onlyClients(sql`m.client_id`, input.clients)}
          AND r.responded_at >= w.built_at
          AND r.responded_at < w.built_at + make_interval(hours => 24 * COALESCE((g.business_case->>'attributionDays')::int, ${DEFAULT_ATTRIBUTION_DAYS}))
          AND EXISTS (
            SELECT 1 FROM jsonb_array_elements(g.response_definition->'rules') AS def(item)
            WHERE def.item->>'type' = r.type
              AND (def.item->>'productType' IS NULL OR def.item->>'productType' = pr.type)
              AND (def.item->>'source' IS NULL OR def.item->>'source' = r.source)
              AND (def.item->>'minValue' IS NULL OR r.value >= (def.item->>'minValue')::numeric)
          )
        ORDER BY r.client_id, r.id, w.built_at DESC, (g.response_definition->>'priority')::int ASC, w.id DESC
      ),
      dropped AS (
        DELETE FROM response_attributions a
        WHERE a.client_id > ${after} AND a.client_id <= ${upTo} AND ${onlyClients(sql`a.client_id`, input.clients)}
          AND NOT EXISTS (SELECT 1 FROM picked p WHERE p.client_id = a.client_id AND p.response_id = a.response_id)
      ),
      written AS (
        INSERT INTO response_attributions (client_id, response_id, program_id, wave_id, "group")
        SELECT client_id, response_id, program_id, wave_id, "group" FROM picked
        ON CONFLICT (client_id, response_id) DO UPDATE SET
          program_id = EXCLUDED.program_id, wave_id = EXCLUDED.wave_id, "group" = EXCLUDED."group", attributed_at = now()
          WHERE (response_attributions.program_id, response_attributions.wave_id, response_attributions."group")
            IS DISTINCT FROM (EXCLUDED.program_id, EXCLUDED.wave_id, EXCLUDED."group")
      )
      SELECT (SELECT count(*) FROM picked)::int AS attributed
    `.execute(tx)
    return chosen.rows[0]!.attributed
  })
}

/** The attributed events per program, for the run's report. */
export async function countAttributionsByProgram(db: Kysely<Schema>): Promise<Record<string, number>> {
  const result = await sql<{ code: string; n: number }>`
    SELECT g.code, count(*)::int AS n FROM response_attributions a JOIN programs g ON g.id = a.program_id GROUP BY g.code ORDER BY g.code
  `.execute(db)
  return Object.fromEntries(result.rows.map((r) => [r.code, r.n]))
}

/**
 * A program's responses as its verdict and its summary count them: those recorded for it, and the
 * events attributed to it — (client_id, wave_id, type, responded_at, value), one row each.
 */
export function programResponsesSql(programId: number): RawBuilder<unknown> {
  return sql`(
    SELECT r.client_id, r.wave_id, r.type, r.responded_at, r.value FROM responses r
    WHERE r.program_id = ${programId} AND r.wave_id IS NOT NULL
    UNION ALL
    SELECT r.client_id, a.wave_id, r.type, r.responded_at, r.value
    FROM response_attributions a JOIN responses r ON r.client_id = a.client_id AND r.id = a.response_id
    WHERE a.program_id = ${programId}
  )`
}

/** A program's response definition as stored (contract/response-definition.ts), and its case's window. */
export async function readResponseDefinition(db: Kysely<Schema>, programId: number): Promise<{ definition: unknown; attributionDays: unknown }> {
  const row = await db.selectFrom('programs').select(['response_definition', 'business_case']).where('id', '=', programId).executeTakeFirstOrThrow()
  return { definition: row.response_definition, attributionDays: (row.business_case as { attributionDays?: unknown } | null)?.attributionDays }
}

/**
 * Saves it apart from the plan: `programs.updated_at` stays, since it is the plan's version a
 * decision is taken on (a move refused as changed since read), and the audit keeps this change.
 */
export async function saveResponseDefinition(db: Kysely<Schema>, programId: number, definition: object | null): Promise<void> {
  await db.updateTable('programs')
    .set({ response_definition: definition === null ? null : JSON.stringify(definition) })
    .where('id', '=', programId).execute()
}
