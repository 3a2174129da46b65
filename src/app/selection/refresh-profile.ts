import { sql } from 'kysely'
import type { Database } from '../../db/open-database.ts'
import { assignProductBits, rebuildProfile } from '../../db/stores/profile-store.ts'

export type RefreshProfileResult = { clients: number; asOf: string; ms: number }

/**
 * Rebuilds the selection profile as of a day: after imports, after the demo bank, and on demand.
 * One transaction, so counts never see a half-built profile; then fresh planner statistics.
 */
export async function refreshProfile(db: Database, asOf: string): Promise<RefreshProfileResult> {
  const started = performance.now()
  const clients = await db.kysely.transaction().execute(async (tx) => {
    await assignProductBits(tx)
    const n = await rebuildProfile(tx, asOf)
    await tx
      .insertInto('bank_settings')
      .values({ key: 'profile', value: JSON.stringify({ asOf, clients: n, refreshedAt: new Date().toISOString() }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: (e) => e.ref('excluded.value'), updated_at: new Date() }))
      .execute()
    return n
  })
  await sql`VACUUM ANALYZE client_profile`.execute(db.kysely)
  return { clients, asOf, ms: Math.round(performance.now() - started) }
}
