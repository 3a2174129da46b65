import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

/** Contacts made per wave of a program (any delivery status): what the report sets against the plan. */
export async function countProgramContacts(db: Kysely<Schema>, programId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['wave_id', (eb) => eb.fn.countAll<string>().as('contacts')])
    .where('program_id', '=', programId)
    .where('wave_id', 'is not', null)
    .groupBy('wave_id')
    .execute()
  return new Map(rows.map((r) => [r.wave_id!, Number(r.contacts)]))
}
