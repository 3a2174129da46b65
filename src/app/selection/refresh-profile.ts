import type { Database } from '../../db/open-database.ts'
import { startFullRefresh, updateProfile } from './update-profile.ts'

export type RefreshProfileResult = { clients: number; asOf: string; ms: number }

/**
 * Rebuilds the whole selection profile as of a day, on demand (and after the demo bank): every
 * client is refreshed, in the short batches of updateProfile, so other requests keep answering.
 * Counts trust the new version only once the last batch is written.
 */
export async function refreshProfile(db: Database, asOf: string, options: { batchSize?: number } = {}): Promise<RefreshProfileResult> {
  const started = performance.now()
  await startFullRefresh(db.kysely, asOf)
  const result = await updateProfile(db.kysely, { today: asOf, batchSize: options.batchSize })
  return { clients: result.clients, asOf: result.asOf, ms: Math.round(performance.now() - started) }
}
