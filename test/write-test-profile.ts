import { sql } from 'kysely'
import type { ProfileRow } from '../src/core/selection/profile-row.ts'
import type { Database } from '../src/db/open-database.ts'

/**
 * Puts synthetic rows in client_profile as if a refresh had written them (as of `asOf`, as one
 * consistent version), so that a count trusts them and does not refresh them from the clients.
 */
export async function writeTestProfile(db: Database, rows: readonly ProfileRow[], asOf: string): Promise<void> {
  if (rows.length > 0) await db.kysely.insertInto('client_profile').values([...rows]).execute()
  await recordTestProfileVersion(db, asOf)
}

/** Records the profile as it is now as a new consistent version, and forgets the waiting clients. */
export async function recordTestProfileVersion(db: Database, asOf: string): Promise<number> {
  await sql`DELETE FROM profile_dirty_clients`.execute(db.kysely)
  const { rows } = await sql<{ version: number }>`
    INSERT INTO profile_state (as_of, version, consistent_version, clients)
    SELECT ${asOf}, v.n, v.n, (SELECT count(*) FROM client_profile) FROM (SELECT nextval('profile_version_seq') AS n) v
    ON CONFLICT (singleton) DO UPDATE SET version = excluded.version, consistent_version = excluded.consistent_version,
      clients = excluded.clients, sweep_from = NULL
    RETURNING version`.execute(db.kysely)
  return Number(rows[0].version)
}
