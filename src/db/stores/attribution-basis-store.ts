import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// Which program an event goes to depends on the event and on nothing else but this: the programs'
// definitions and windows (and priorities, inside the definition), their waves' build times, the
// waves' members and groups, and the products' types (response-attribution-store.ts). The
// fingerprint digests all of it; equal fingerprints mean the rule's inputs besides the events are
// the same. Members are digested per wave and group by count and sums of the ids and their squares:
// a wave's members are written once when it is built, so a change shows as a changed count or sum.

/** The fingerprint of the attribution's inputs besides the events, as they stand now. */
export async function attributionBasisFingerprint(db: Kysely<Schema>): Promise<string> {
  const result = await sql<{ fingerprint: string }>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', id, response_definition::text, business_case->>'attributionDays'), ';' ORDER BY id) FROM programs),
      (SELECT string_agg(concat_ws(',', id, program_id, extract(epoch FROM built_at)), ';' ORDER BY id) FROM waves),
      (SELECT string_agg(concat_ws(',', wave_id, "group", n, s, q), ';' ORDER BY wave_id, "group") FROM (
        SELECT wave_id, "group", count(*) AS n, sum(client_id) AS s, sum(client_id::numeric * client_id) AS q FROM wave_members GROUP BY wave_id, "group"
      ) m),
      (SELECT string_agg(concat_ws(',', code, type), ';' ORDER BY code) FROM products)
    )) AS fingerprint
  `.execute(db)
  return result.rows[0]!.fingerprint
}

/** The fingerprint the last whole-bank run recorded; undefined before the first. */
export async function readAttributionBasis(db: Kysely<Schema>): Promise<string | undefined> {
  const row = await db.selectFrom('attribution_basis').select('fingerprint').executeTakeFirst()
  return row?.fingerprint
}

export async function saveAttributionBasis(db: Kysely<Schema>, fingerprint: string): Promise<void> {
  await db.insertInto('attribution_basis').values({ fingerprint })
    .onConflict((oc) => oc.column('only_row').doUpdateSet({ fingerprint, recorded_at: sql`now()` })).execute()
}

/** The clients with events that came without a program and were written or rewritten by the import, in id order. */
export async function listImportEventClients(db: Kysely<Schema>, importId: number): Promise<number[]> {
  const result = await sql<{ client_id: string }>`
    SELECT DISTINCT client_id FROM responses WHERE import_id = ${importId} AND program_id IS NULL ORDER BY client_id
  `.execute(db)
  return result.rows.map((r) => Number(r.client_id))
}
