import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { BreakdownDimension } from '../../contract/breakdown-schemas.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import type { BreakdownCell } from '../../core/response/break-down-uplift.ts'
import type { Schema } from '../schema.ts'
import { programResponsesSql } from './response-attribution-store.ts'

// A pilot wave's members and responders per level of a client attribute, per group: what
// core/response/break-down-uplift.ts compares. The attribute is one of a closed list, each its own
// SQL below — never text from a request. Levels come from the selection profile (client_profile);
// the largest first, age bands youngest first.

const LEVEL: Record<BreakdownDimension, RawBuilder<string>> = {
  segment: sql`COALESCE(p.segment, 'unknown')`,
  region: sql`COALESCE(p.region_code, 'unknown')`,
  branch: sql`COALESCE(p.branch_code, 'unknown')`,
  age_band: sql`CASE
    WHEN p.birth_date IS NULL THEN 'unknown'
    WHEN date_part('year', age(w.as_of, p.birth_date)) < 25 THEN '18-24'
    WHEN date_part('year', age(w.as_of, p.birth_date)) < 35 THEN '25-34'
    WHEN date_part('year', age(w.as_of, p.birth_date)) < 45 THEN '35-44'
    WHEN date_part('year', age(w.as_of, p.birth_date)) < 55 THEN '45-54'
    WHEN date_part('year', age(w.as_of, p.birth_date)) < 65 THEN '55-64'
    ELSE '65+' END`,
}

const NAME: Record<BreakdownDimension, RawBuilder<string | null>> = {
  segment: sql`NULL::text`,
  region: sql`(SELECT name FROM regions WHERE code = c.level)`,
  branch: sql`(SELECT name FROM branches WHERE code = c.level)`,
  age_band: sql`NULL::text`,
}

export async function summarizeBreakdown(
  db: Kysely<Schema>,
  input: { programId: number; waveId: number; type: ResponseType; from: string; until: string; by: BreakdownDimension },
): Promise<BreakdownCell[]> {
  const result = await sql<{ level: string; name: string | null; target_n: number; target_x: number; control_n: number; control_x: number }>`
    WITH responders AS (
      SELECT DISTINCT r.client_id FROM ${programResponsesSql(input.programId)} r
      WHERE r.wave_id = ${input.waveId} AND r.type = ${input.type} AND r.responded_at >= ${input.from} AND r.responded_at < ${input.until}
    ),
    members AS (
      SELECT m."group", ${LEVEL[input.by]} AS level, (x.client_id IS NOT NULL) AS responded
      FROM wave_members m
      JOIN waves w ON w.id = m.wave_id
      LEFT JOIN client_profile p ON p.client_id = m.client_id
      LEFT JOIN responders x ON x.client_id = m.client_id
      WHERE m.wave_id = ${input.waveId}
    ),
    c AS (
      SELECT level,
        count(*) FILTER (WHERE "group" = 'target')::int AS target_n, count(*) FILTER (WHERE "group" = 'target' AND responded)::int AS target_x,
        count(*) FILTER (WHERE "group" = 'control')::int AS control_n, count(*) FILTER (WHERE "group" = 'control' AND responded)::int AS control_x
      FROM members GROUP BY level
    )
    SELECT c.*, ${NAME[input.by]} AS name FROM c
    ORDER BY ${input.by === 'age_band' ? sql`c.level` : sql`c.target_n + c.control_n DESC, c.level`}
  `.execute(db)
  return result.rows.map((r) => ({ level: r.level, name: r.name, target: { n: r.target_n, x: r.target_x }, control: { n: r.control_n, x: r.control_x } }))
}
