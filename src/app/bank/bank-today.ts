import type { Kysely } from 'kysely'
import { bankDay } from '../../core/bank-day.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'

/** The bank's date at an instant, in its own time zone: the "today" of counts, waves and the profile. */
export async function bankToday(db: Kysely<Schema>, now: Date): Promise<string> {
  return bankDay(now, await readBankTimeZone(db))
}
