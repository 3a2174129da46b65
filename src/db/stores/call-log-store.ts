import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

/** phone (stored form, 79123456789) → the ids of the clients with that phone, for the phones that have any. */
export async function findClientsByPhones(db: Kysely<Schema>, phones: readonly string[]): Promise<Map<string, number[]>> {
  if (phones.length === 0) return new Map()
  const rows = await sql<{ phone: string; id: string }>`
    SELECT phone, id FROM clients WHERE phone = ANY(${[...phones]}::text[]) ORDER BY phone, id
  `.execute(db)
  const found = new Map<string, number[]>()
  for (const row of rows.rows) found.set(row.phone, [...(found.get(row.phone) ?? []), Number(row.id)])
  return found
}
