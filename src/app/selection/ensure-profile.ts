import type { Database } from '../../db/open-database.ts'
import { updateProfile } from './update-profile.ts'

/** Brings the selection profile up to date before a command reads it (builds it if it never was). */
export async function ensureProfile(db: Database, today: string): Promise<void> {
  await updateProfile(db.kysely, { today })
}
