import { sql, type Kysely } from 'kysely'
import type { ResponseSource, ResponseType } from '../../contract/response-types.ts'
import type { WaveMembership } from '../../core/response/attribute-response.ts'
import type { Schema } from '../schema.ts'
import { programResponsesSql } from './response-attribution-store.ts'

// A program's responses: the memberships they are attributed by, one upsert by the natural key
// (client, program, type, time; migration 0014) and the summary the verdict reads.

/** client id → the waves of the program the client is a member of. */
export async function findProgramMemberships(
  db: Kysely<Schema>,
  input: { programId: number; clientIds: readonly number[] },
): Promise<Map<number, WaveMembership[]>> {
  const out = new Map<number, WaveMembership[]>()
  if (input.clientIds.length === 0) return out
  const rows = await db
    .selectFrom('wave_members as m')
    .innerJoin('waves as w', 'w.id', 'm.wave_id')
    .select(['m.client_id', 'm.wave_id', 'm.group', 'w.built_at'])
    .where('m.client_id', 'in', [...new Set(input.clientIds)])
    .where('w.program_id', '=', input.programId)
    .execute()
  for (const row of rows) {
    const id = Number(row.client_id)
    const list = out.get(id) ?? []
    list.push({ waveId: row.wave_id, group: row.group, builtAt: new Date(row.built_at).toISOString() })
    out.set(id, list)
  }
  return out
}

export type NewResponse = {
  clientId: number
  programId: number
  waveId: number
  type: ResponseType
  /** ISO 8601. */
  respondedAt: string
  /** Roubles as a decimal string; null keeps a stored value (or none). */
  value: string | null
  source: ResponseSource
  recordedBy: number | null
}

export type StoredResponse = {
  id: number
  clientId: number
  waveId: number | null
  type: ResponseType
  respondedAt: string
  /** Roubles, exact: a decimal string ('1234.50'), or null. */
  value: string | null
  source: ResponseSource
  importId: number | null
  recordedBy: number | null
  recordedAt: string
  /** False when the same response (client, program, type, time) was there and was updated. */
  created: boolean
}

/** Records one response, or updates the value of the same one recorded before (the natural key). */
export async function upsertResponse(db: Kysely<Schema>, input: NewResponse): Promise<StoredResponse> {
  const result = await sql<{
    id: number; client_id: number; wave_id: number | null; type: ResponseType; responded_at: Date; value: string | null
    source: ResponseSource; import_id: number | null; recorded_by: number | null; recorded_at: Date; created: boolean
  }>`
    INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value, source, recorded_by)
    VALUES (${input.clientId}, ${input.programId}, ${input.waveId}, ${input.type}, ${input.respondedAt}, ${input.value}, ${input.source}, ${input.recordedBy})
    ON CONFLICT (client_id, program_id, type, responded_at) DO UPDATE SET
      value = COALESCE(EXCLUDED.value, responses.value), wave_id = EXCLUDED.wave_id, source = EXCLUDED.source,
      import_id = NULL, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
    RETURNING id, client_id, wave_id, type, responded_at, value::text AS value, source, import_id, recorded_by, recorded_at,
      (xmax = 0) AS created
  `.execute(db)
  const row = result.rows[0]
  return {
    id: Number(row.id),
    clientId: Number(row.client_id),
    waveId: row.wave_id,
    type: row.type,
    respondedAt: new Date(row.responded_at).toISOString(),
    value: row.value,
    source: row.source,
    importId: row.import_id,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
    created: row.created,
  }
}

export type ProgramWave = { id: number; kind: 'pilot' | 'rollout'; builtAt: string; target: number; control: number }

/** The program's waves with their members counted per group. */
export async function listProgramWaves(db: Kysely<Schema>, programId: number): Promise<ProgramWave[]> {
  const result = await sql<{ id: number; kind: 'pilot' | 'rollout'; built_at: Date; target: number; control: number }>`
    SELECT w.id, w.kind, w.built_at,
      count(*) FILTER (WHERE m."group" = 'target')::int AS target, count(*) FILTER (WHERE m."group" = 'control')::int AS control
    FROM waves w LEFT JOIN wave_members m ON m.wave_id = w.id
    WHERE w.program_id = ${programId}
    GROUP BY w.id ORDER BY w.built_at, w.id
  `.execute(db)
  return result.rows.map((r) => ({ id: r.id, kind: r.kind, builtAt: new Date(r.built_at).toISOString(), target: r.target, control: r.control }))
}

export type ResponseCell = {
  waveId: number
  group: 'target' | 'control'
  type: ResponseType
  /** Members with at least one response of the type. */
  responders: number
  responses: number
  /** Roubles, exact decimal strings: the sum of the values, and the sum over responders of the square of each one's total. */
  valueSum: string
  valueSumOfSquares: string
}

/**
 * Per wave × group × type: responders, responses and exact sums, of the responses recorded for the
 * program and the events attributed to it. With the group's member count
 * this is every number a verdict needs: a rate per group, and for values the mean and variance per
 * member (members without a response count as zero) — Welch's interval needs nothing else.
 */
export async function summarizeProgramResponses(db: Kysely<Schema>, programId: number): Promise<ResponseCell[]> {
  const result = await sql<{ wave_id: number; group: 'target' | 'control'; type: ResponseType; responders: number; responses: number; value_sum: string; value_squares: string }>`
    WITH per_client AS (
      SELECT r.client_id, r.wave_id, r.type, count(*)::int AS responses, COALESCE(sum(r.value), 0) AS total
      FROM ${programResponsesSql(programId)} r
      GROUP BY r.client_id, r.wave_id, r.type
    )
    SELECT c.wave_id, m."group", c.type, count(*)::int AS responders, sum(c.responses)::int AS responses,
      sum(c.total)::text AS value_sum, sum(c.total * c.total)::text AS value_squares
    FROM per_client c JOIN wave_members m ON m.client_id = c.client_id AND m.wave_id = c.wave_id
    GROUP BY c.wave_id, m."group", c.type
  `.execute(db)
  return result.rows.map((r) => ({
    waveId: r.wave_id, group: r.group, type: r.type, responders: r.responders, responses: r.responses, valueSum: r.value_sum, valueSumOfSquares: r.value_squares,
  }))
}

/** The programs that have at least one wave: those responses can be recorded for. */
export async function listProgramsWithWaves(db: Kysely<Schema>): Promise<{ code: string; name: string; waves: number }[]> {
  const result = await sql<{ code: string; name: string; waves: number }>`
    SELECT g.code, g.name, count(w.id)::int AS waves FROM programs g JOIN waves w ON w.program_id = g.id
    GROUP BY g.id ORDER BY g.code
  `.execute(db)
  return result.rows
}

/** The client a response is recorded for, by the bank's id or by Otklik's. */
export async function findResponseClient(
  db: Kysely<Schema>,
  by: { bankId: string } | { clientId: number },
): Promise<{ id: number; bankId: string } | undefined> {
  let query = db.selectFrom('clients').select(['id', 'bank_id'])
  query = 'bankId' in by ? query.where('bank_id', '=', by.bankId) : query.where('id', '=', by.clientId)
  const row = await query.executeTakeFirst()
  return row && { id: Number(row.id), bankId: row.bank_id }
}
