import { bankToday } from '../app/bank/bank-today.ts'
import type { Database } from '../db/open-database.ts'

/** Today's date on the bank's clock (its time zone, bank_settings): the day CLI commands work for. */
export function today(db: Database, now: Date = new Date()): Promise<string> {
  return bankToday(db.kysely, now)
}
