import { sql, type Kysely } from 'kysely'
import { nextBatchSize } from '../../core/selection/next-batch-size.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { assignProductBits, writeProfileRows } from '../../db/stores/profile-store.ts'
import {
  countDirtyClients,
  hasDirtyClients,
  lockProfileWriter,
  nextProfileVersion,
  readProfileState,
  recordProfileBatch,
  startProfileSweep,
  takeDirtyClients,
  takeSweepClients,
} from '../../db/stores/profile-state-store.ts'

export type UpdateProfileInput = {
  /** The bank's day: the profile is computed as of it; a new day refreshes every client. */
  today: string
  /** Clients per short transaction; by default it follows the time a batch takes (nextBatchSize). */
  batchSize?: number
}

export type UpdateProfileResult = { asOf: string; clients: number; refreshed: number; batches: number; ms: number }

const FIRST_BATCH_SIZE = 500

/**
 * Brings the selection profile up to date: refreshes the clients whose facts changed since (the
 * database queues them, migration 0007), a few hundred to a few thousand per short transaction, so
 * that other requests answer between batches (DESIGN invariant 10). On a new day every client is
 * refreshed, in the same short batches. Runs after imports, at start and on the server's timer; one
 * writer at a time (an advisory lock), so two updates at once share the work instead of colliding.
 */
export async function updateProfile(db: Kysely<Schema>, input: UpdateProfileInput): Promise<UpdateProfileResult> {
  const started = performance.now()
  const state = await readProfileState(db)
  if (!state || state.asOf !== input.today) await startFullRefresh(db, input.today)
  const { refreshed, batches } = await runBatches(db, { sweep: true, batchSize: input.batchSize })
  const after = (await readProfileState(db))!
  // PGlite has no autovacuum: after rewriting a good part of the profile, reclaim and re-plan.
  if (refreshed > 0 && refreshed >= after.clients / 10) await sql`VACUUM ANALYZE client_profile`.execute(db)
  return { asOf: after.asOf, clients: after.clients, refreshed, batches, ms: Math.round(performance.now() - started) }
}

/**
 * Refreshes the clients waiting in the queue when there are at most `upTo` of them — a count does
 * this first, so that the rows of an import that just finished are in it — and otherwise leaves
 * them to the update already running. Never starts or continues a full rebuild.
 */
export async function catchUpProfile(db: Kysely<Schema>, upTo: number): Promise<void> {
  const waiting = await countDirtyClients(db, upTo + 1)
  if (waiting === 0 || waiting > upTo) return
  await runBatches(db, { sweep: false })
}

/** Marks every client for refresh as of a day; the batches of updateProfile do the work. */
export async function startFullRefresh(db: Kysely<Schema>, asOf: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockProfileWriter(tx)
    await startProfileSweep(tx, asOf)
  })
}

/**
 * Starts a full rebuild as of a day unless one already started at or after `requestedAt` (the
 * database's clock) for that day: that one covers the request, which joins it. Decided under the
 * writer's lock, so two requests at once start one rebuild. True when this call started it.
 */
export async function startFullRefreshOnce(db: Kysely<Schema>, input: { asOf: string; requestedAt: Date }): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await lockProfileWriter(tx)
    const state = await readProfileState(tx)
    if (state?.asOf === input.asOf && state.sweepStartedAt !== null && state.sweepStartedAt >= input.requestedAt) return false
    await startProfileSweep(tx, input.asOf)
    return true
  })
}

async function runBatches(db: Kysely<Schema>, options: { sweep: boolean; batchSize?: number }): Promise<{ refreshed: number; batches: number }> {
  let refreshed = 0
  let batches = 0
  let size = options.batchSize ?? FIRST_BATCH_SIZE
  for (;;) {
    const batchStarted = performance.now()
    const batch = await db.transaction().execute((tx) => refreshBatch(tx, size, options.sweep))
    refreshed += batch.refreshed
    if (batch.refreshed > 0) batches++
    if (batch.done) return { refreshed, batches }
    if (options.batchSize === undefined) size = nextBatchSize(size, performance.now() - batchStarted)
  }
}

// One short transaction: the next waiting clients (changed ones first, then the full rebuild's
// sweep), their rows rewritten under a new version; the version is consistent once none wait.
async function refreshBatch(tx: Kysely<Schema>, limit: number, sweep: boolean): Promise<{ refreshed: number; done: boolean }> {
  await lockProfileWriter(tx)
  const state = (await readProfileState(tx))!
  let ids = await takeDirtyClients(tx, limit)
  let sweepFrom = state.sweepFrom
  let swept = 0
  if (ids.length === 0 && sweepFrom !== null) {
    if (!sweep) return { refreshed: 0, done: true }
    ;({ ids, next: sweepFrom } = await takeSweepClients(tx, sweepFrom, limit))
    swept = ids.length
  }
  if (ids.length === 0) {
    if (state.consistentVersion !== state.version || state.sweepFrom !== null) {
      await recordProfileBatch(tx, { version: state.version, clientsDelta: 0, sweepFrom: null, consistent: true })
    }
    return { refreshed: 0, done: true }
  }
  await assignProductBits(tx)
  const version = await nextProfileVersion(tx)
  const timeZone = await readBankTimeZone(tx)
  const { deleted, inserted } = await writeProfileRows(tx, { clientIds: ids, asOf: state.asOf, timeZone, version })
  const consistent = sweepFrom === null && !(await hasDirtyClients(tx))
  await recordProfileBatch(tx, { version, clientsDelta: inserted - deleted, sweepFrom, consistent, swept })
  return { refreshed: ids.length, done: consistent }
}
