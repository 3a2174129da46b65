import type { Database } from '../../db/open-database.ts'
import { readDatabaseNow, readProfileState } from '../../db/stores/profile-state-store.ts'
import { startFullRefreshOnce, updateProfile } from './update-profile.ts'

export type ProfileRefreshRequest = {
  /** A full rebuild of every client (the user's button); otherwise only the clients that changed. */
  full: boolean
  /** When it was asked for, by the database's clock (profileRefreshRequestedAt). */
  requestedAt: Date
  /** The bank's day the profile is computed as of. */
  today: string
}

export type ProfileRefreshOutcome = { rebuilt: boolean; refreshed: number; clients: number; asOf: string; ms: number }

/** The time to stamp a refresh request with: the database's, the same for every process. */
export function profileRefreshRequestedAt(db: Database): Promise<Date> {
  return readDatabaseNow(db.kysely)
}

/**
 * The profile refresh job's work. A full refresh asked for while a rebuild that started after the
 * request is under way (or done) joins it instead of starting another: two requests at once make
 * one rebuild. The work itself is updateProfile's short batches, resumed from the profile's own
 * state after a restart (the sweep position and the queue of changed clients live in the database).
 */
export async function runProfileRefreshJob(db: Database, request: ProfileRefreshRequest): Promise<ProfileRefreshOutcome> {
  const started = performance.now()
  const rebuilt = request.full ? await startFullRefreshOnce(db.kysely, { asOf: request.today, requestedAt: request.requestedAt }) : false
  const result = await updateProfile(db.kysely, { today: request.today })
  return { rebuilt, refreshed: result.refreshed, clients: result.clients, asOf: result.asOf, ms: Math.round(performance.now() - started) }
}

export type ProfileRefreshProgress = {
  asOf: string
  /** A full rebuild is under way: `refreshed` of `clients` so far. */
  rebuilding: boolean
  refreshed: number
  clients: number
  /** Set when a full rebuild started at or after this time has finished. */
  coveredSince: Date | null
}

/** Where the profile's refresh stands (the jobs page, and a request waiting for its rebuild). */
export async function viewProfileRefresh(db: Database): Promise<ProfileRefreshProgress | null> {
  const state = await readProfileState(db.kysely)
  if (!state) return null
  const rebuilding = state.sweepFrom !== null
  return {
    asOf: state.asOf,
    rebuilding,
    refreshed: rebuilding ? Math.min(state.sweepRefreshed, state.clients) : state.clients,
    clients: state.clients,
    coveredSince: rebuilding ? null : state.sweepStartedAt,
  }
}
