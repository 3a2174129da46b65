import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export type PersonRow = { line: number; bankId: string; name: string; birthDate: string; phone: string }

/**
 * Stored clients under another bank id with the same person as a row: the phone (indexed), the
 * birth date and the name normalised as core/import/same-person-key.ts does (lower case, ё as е,
 * single spaces; `name` comes normalised). One row per (line, other bank id).
 */
export async function findSamePersonClients(db: Kysely<Schema>, rows: readonly PersonRow[]): Promise<{ line: number; bankId: string }[]> {
  if (rows.length === 0) return []
  const result = await sql<{ line: number; bank_id: string }>`
    SELECT k.line, c.bank_id
    FROM unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.bankId)}::text[], ${rows.map((r) => r.name)}::text[],
      ${rows.map((r) => r.birthDate)}::date[], ${rows.map((r) => r.phone)}::text[]) AS k(line, bank_id, name, birth_date, phone)
    JOIN clients c ON c.phone = k.phone AND c.birth_date = k.birth_date AND c.bank_id <> k.bank_id
      AND btrim(regexp_replace(translate(lower(c.full_name), 'ё', 'е'), '\\s+', ' ', 'g')) = k.name
    ORDER BY k.line, c.bank_id
  `.execute(db)
  return result.rows.map((r) => ({ line: r.line, bankId: r.bank_id }))
}
