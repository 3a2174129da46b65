import type { Database } from '../../db/open-database.ts'
import { refreshProfile } from './refresh-profile.ts'

/** Builds the selection profile once if it was never built (a database loaded by other means). */
export async function ensureProfile(db: Database, today: string): Promise<void> {
  const row = await db.kysely.selectFrom('bank_settings').select('key').where('key', '=', 'profile').executeTakeFirst()
  if (!row) await refreshProfile(db, today)
}
