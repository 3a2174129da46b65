import type { Kysely } from 'kysely'
import { DEFAULT_BANK_TIME_ZONE } from '../../core/bank-day.ts'
import type { Schema } from '../schema.ts'

/** The bank's time zone (bank_settings 'bank'.timeZone), in which its days count. */
export async function readBankTimeZone(db: Kysely<Schema>): Promise<string> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'bank').executeTakeFirst()
  const zone = (row?.value as { timeZone?: unknown } | undefined)?.timeZone
  return typeof zone === 'string' ? zone : DEFAULT_BANK_TIME_ZONE
}

export async function saveBankTimeZone(db: Kysely<Schema>, timeZone: string): Promise<void> {
  const value = JSON.stringify({ timeZone })
  await db
    .insertInto('bank_settings')
    .values({ key: 'bank', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
    .execute()
}
