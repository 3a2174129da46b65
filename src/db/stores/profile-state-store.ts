import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The bookkeeping of the selection profile's refresh (migration 0007): which clients wait, which
// batch wrote last, and which version is consistent. Queries only; app/selection/update-profile.ts
// decides when they run.

export type ProfileState = {
  /** The day the profile's facts are computed as of. */
  asOf: string
  /** The last refresh batch written. */
  version: number
  /** The last batch after which no client was waiting: the version counts may trust, or null. */
  consistentVersion: number | null
  /** Rows in client_profile. */
  clients: number
  /** A full rebuild in progress: clients from this id on are still to be refreshed. */
  sweepFrom: number | null
  /** When the last full rebuild started (the database's clock), and how many clients it has refreshed. */
  sweepStartedAt: Date | null
  sweepRefreshed: number
}

// pg_advisory_xact_lock key of the one profile writer: "prof" in ASCII.
const PROFILE_WRITER_LOCK = 0x70726f66

/** Waits until no other transaction writes the profile, then holds that right until commit. */
export async function lockProfileWriter(db: Kysely<Schema>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${PROFILE_WRITER_LOCK})`.execute(db)
}

/** The database's clock: what a refresh request is stamped with, so that all processes compare alike. */
export async function readDatabaseNow(db: Kysely<Schema>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db)
  return new Date(rows[0].now)
}

export async function readProfileState(db: Kysely<Schema>): Promise<ProfileState | null> {
  const row = await db.selectFrom('profile_state').selectAll().executeTakeFirst()
  if (!row) return null
  return {
    asOf: row.as_of, version: row.version, consistentVersion: row.consistent_version, clients: row.clients, sweepFrom: row.sweep_from,
    sweepStartedAt: row.sweep_started_at === null ? null : new Date(row.sweep_started_at), sweepRefreshed: Number(row.sweep_refreshed),
  }
}

/**
 * The version of the profile that counts may trust (the last consistent batch), or null if the
 * profile was never built. The DuckDB mirror is labelled with it: anything that writes
 * client_profile must go through a refresh batch that records it.
 */
export async function readProfileVersion(db: Kysely<Schema>): Promise<number | null> {
  return (await readProfileState(db))?.consistentVersion ?? null
}

/**
 * Starts a full rebuild as of a day: every client is refreshed by the batches that follow, so the
 * clients waiting so far need no refresh of their own (a change from now on queues its client again).
 */
export async function startProfileSweep(db: Kysely<Schema>, asOf: string): Promise<void> {
  await sql`DELETE FROM profile_dirty_clients`.execute(db)
  await db
    .insertInto('profile_state')
    .values({ as_of: asOf, version: 0, consistent_version: null, sweep_from: 0, sweep_started_at: sql<Date>`now()`, sweep_refreshed: 0 })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ as_of: asOf, sweep_from: 0, updated_at: new Date(), sweep_started_at: sql<Date>`now()`, sweep_refreshed: 0 }))
    .execute()
}

/** The next batch of waiting clients, taken off the queue (inside the writer's transaction). */
export async function takeDirtyClients(db: Kysely<Schema>, limit: number): Promise<number[]> {
  const { rows } = await sql<{ client_id: number }>`
    DELETE FROM profile_dirty_clients
    WHERE client_id IN (SELECT client_id FROM profile_dirty_clients ORDER BY client_id LIMIT ${limit})
    RETURNING client_id`.execute(db)
  return rows.map((r) => r.client_id)
}

/** The next clients of a full rebuild from an id on, and the id the sweep goes on from (null: done). */
export async function takeSweepClients(db: Kysely<Schema>, from: number, limit: number): Promise<{ ids: number[]; next: number | null }> {
  const rows = await db.selectFrom('clients').select('id').where('id', '>=', from).orderBy('id').limit(limit).execute()
  const ids = rows.map((r) => r.id)
  if (ids.length > 0) await sql`DELETE FROM profile_dirty_clients WHERE client_id = ANY(CAST(${ids} AS bigint[]))`.execute(db)
  return { ids, next: ids.length < limit ? null : ids[ids.length - 1] + 1 }
}

export async function nextProfileVersion(db: Kysely<Schema>): Promise<number> {
  const { rows } = await sql<{ version: number }>`SELECT nextval('profile_version_seq') AS version`.execute(db)
  return Number(rows[0].version)
}

/** How many clients wait in the queue, counted up to `limit` (enough to compare with it). */
export async function countDirtyClients(db: Kysely<Schema>, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM profile_dirty_clients LIMIT ${limit}) waiting`.execute(db)
  return Number(rows[0].n)
}

export async function hasDirtyClients(db: Kysely<Schema>): Promise<boolean> {
  return Boolean(await db.selectFrom('profile_dirty_clients').select('client_id').limit(1).executeTakeFirst())
}

export type RecordProfileBatchInput = {
  version: number
  /** Rows added minus rows removed by the batch. */
  clientsDelta: number
  sweepFrom: number | null
  /** Nothing is left to refresh after this batch: its version is consistent. */
  consistent: boolean
  /** Clients of the full rebuild this batch refreshed (its progress). */
  swept?: number
}

export async function recordProfileBatch(db: Kysely<Schema>, input: RecordProfileBatchInput): Promise<void> {
  await db
    .updateTable('profile_state')
    .set((eb) => ({
      version: input.version,
      consistent_version: input.consistent ? input.version : eb.ref('consistent_version'),
      clients: sql`clients + ${input.clientsDelta}`,
      sweep_from: input.sweepFrom,
      sweep_refreshed: sql`sweep_refreshed + ${input.swept ?? 0}`,
      updated_at: new Date(),
    }))
    .execute()
}
