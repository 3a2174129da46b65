import type { DuckDBType, DuckDBValue } from '@duckdb/node-api'
import type { Database } from '../open-database.ts'
import type { BreakdownDictionary } from './breakdown-key.ts'
import { copyProfileToDuckdb } from './copy-profile-to-duckdb.ts'
import { loadDuckdb, type DuckDB } from './load-duckdb.ts'

// A columnar copy of client_profile in an embedded DuckDB, for live counts (DESIGN.md "One SQL
// engine, three sizes"). PostgreSQL stays the source of truth: the mirror copies its consistent
// versions (profile_state.consistent_version) — a full copy first, then only the rows of the
// refresh batches since — each into a new table. The snapshot (version, table, dictionaries) is
// swapped in one assignment, so a query never mixes two versions, and a replaced table is dropped
// only once no lease on it is held.

export type ProfileMirrorSnapshot = BreakdownDictionary & {
  /** The consistent profile version (profile_version_seq) this copy was made from. */
  version: number
  /** The DuckDB table holding it: the profile's columns plus breakdown_key. */
  table: string
  clients: number
  /** The product bits of product_mask in that version (they are assigned by the same refresh). */
  productBits: ReadonlyMap<string, number>
  loadMs: number
}

/** A hold on one snapshot: its table stays until release(), even if a newer load replaces it. */
export type MirrorLease = { snapshot: ProfileMirrorSnapshot; release(): void }

export type ProfileMirror = {
  /** What the mirror holds now, or null before its first load. */
  snapshot(): ProfileMirrorSnapshot | null
  /** The current snapshot, held until release(); null before the first load. */
  acquire(): MirrorLease | null
  /**
   * Brings the copy up to the profile's consistent version unless it holds it already; one load at
   * a time. After a failed load it waits (exponentially longer) before trying again.
   */
  sync(): Promise<ProfileMirrorSnapshot | null>
  /** Starts sync() unless one is running; a failure goes to onError. */
  syncInBackground(): void
  /** Runs one SELECT (DuckDB dialect, $1… placeholders) over a snapshot's table and returns its rows. */
  query(input: MirrorQuery): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

export type MirrorQuery = { snapshot: ProfileMirrorSnapshot; sql: string; parameters: readonly unknown[] }

export type OpenProfileMirrorInput = {
  db: Database
  /** DuckDB worker threads (default: one per core). */
  threads?: number
  /** Where the CSV copies of the profile are written while loading (default: the OS temp dir). */
  workDir?: string
  /** A failed load, and how long the mirror waits before the next attempt. */
  onError?: (error: unknown, retryInMs: number) => void
  /** Loads DuckDB's module (default: a dynamic import); tests pass one that fails as a missing binary does. */
  loadDuckdb?: () => Promise<DuckDB>
  /** The clock of the back-off (default Date.now). */
  now?: () => number
}

// After the n-th failed load in a row the mirror waits 2^(n-1) seconds, at most ten minutes: a
// broken load must not start another copy of the whole profile on every count.
const FIRST_RETRY_MS = 1_000
const LONGEST_RETRY_MS = 600_000

export async function openProfileMirror(input: OpenProfileMirrorInput): Promise<ProfileMirror> {
  const duck = await (input.loadDuckdb ?? loadDuckdb)()
  const now = input.now ?? Date.now
  const options: Record<string, string> = input.threads ? { threads: String(input.threads) } : {}
  const instance = await duck.DuckDBInstance.create(':memory:', options)
  const reader = await instance.connect()
  let current: ProfileMirrorSnapshot | null = null
  let loading: Promise<ProfileMirrorSnapshot | null> | null = null
  let loads = 0
  let failures = 0
  let retryAt = 0
  // Leases and queries per table, and the replaced tables to drop once nobody holds them.
  const holds = new Map<string, number>()
  const retired = new Set<string>()

  function hold(table: string): () => void {
    holds.set(table, (holds.get(table) ?? 0) + 1)
    let held = true
    return () => {
      if (!held) return
      held = false
      holds.set(table, holds.get(table)! - 1)
      if (retired.has(table)) void dropRetired().catch((error: unknown) => input.onError?.(error, 0))
    }
  }

  async function dropRetired(): Promise<void> {
    for (const table of retired) {
      if (holds.get(table)) continue
      retired.delete(table)
      holds.delete(table)
      await reader.run(`DROP TABLE IF EXISTS ${table}`)
    }
  }

  async function load(): Promise<ProfileMirrorSnapshot | null> {
    const started = performance.now()
    const copy = await copyProfileToDuckdb({ duck, instance, db: input.db, table: `client_profile_${++loads}`, base: current, workDir: input.workDir })
    if (!copy || copy.version === current?.version) return current
    const previous = current
    current = { ...copy, loadMs: Math.round(performance.now() - started) }
    if (previous) retired.add(previous.table)
    await dropRetired()
    return current
  }

  function sync(): Promise<ProfileMirrorSnapshot | null> {
    if (loading) return loading
    if (now() < retryAt) return Promise.resolve(current)
    loading = load()
      .then(
        (snapshot) => {
          failures = 0
          return snapshot
        },
        (error: unknown) => {
          failures++
          const wait = Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), LONGEST_RETRY_MS)
          retryAt = now() + wait
          input.onError?.(error, wait)
          throw error
        },
      )
      .finally(() => {
        loading = null
      })
    return loading
  }

  return {
    snapshot: () => current,
    acquire() {
      const snapshot = current
      return snapshot && { snapshot, release: hold(snapshot.table) }
    },
    sync,
    syncInBackground() {
      sync().catch(() => undefined)
    },
    async query({ snapshot, sql, parameters }) {
      const release = hold(snapshot.table)
      try {
        const result = await reader.runAndReadAll(sql, parameters.map(duckdbValue), parameters.map((p) => duckdbType(duck, p)))
        return result.getRowObjectsJS() as Record<string, unknown>[]
      } finally {
        release()
      }
    },
    async close() {
      await loading?.catch(() => undefined)
      reader.closeSync()
      instance.closeSync()
    },
  }
}

// Rule parameters are numbers, strings and booleans. Every number is bound as DOUBLE, the type the
// compiled SQL casts it to: DuckDB would bind a whole number after its value (1e308 as BIGINT fails).
function duckdbValue(value: unknown): DuckDBValue {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  throw new Error(`cannot bind a ${typeof value} parameter in DuckDB`)
}

function duckdbType(duck: DuckDB, value: unknown): DuckDBType {
  if (typeof value === 'number') return duck.DOUBLE
  if (typeof value === 'string') return duck.VARCHAR
  if (typeof value === 'boolean') return duck.BOOLEAN
  return duck.SQLNULL
}
