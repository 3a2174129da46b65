import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DuckDBConnection, DuckDBInstance, DuckDBType, DuckDBValue } from '@duckdb/node-api'
import type { Database } from '../open-database.ts'
import { listProfileColumns, loadProductBits, readProfileVersion, type ProfileColumn } from '../stores/profile-store.ts'
import { breakdownKeySql, type BreakdownDictionary } from './breakdown-key.ts'
import { duckdbColumnType } from './duckdb-column-type.ts'

// A columnar copy of client_profile in an embedded DuckDB, for live counts (DESIGN.md "One SQL
// engine, three sizes"). PostgreSQL stays the source of truth: the mirror is loaded from it with
// COPY after each profile refresh and labelled with the profile's version (refreshedAt), so a
// caller can tell whether it is current. Each load goes into a new table; the snapshot (version,
// table, dictionaries) is swapped in one assignment, so a query never mixes two versions.

export type ProfileMirrorSnapshot = BreakdownDictionary & {
  /** The profile version (bank_settings 'profile' refreshedAt) this copy was made from. */
  version: string
  /** The DuckDB table holding it: the profile's columns plus breakdown_key. */
  table: string
  clients: number
  /** The product bits of product_mask in that version (they are assigned by the same rebuild). */
  productBits: ReadonlyMap<string, number>
  loadMs: number
}

export type ProfileMirror = {
  /** What the mirror holds now, or null before its first load. */
  snapshot(): ProfileMirrorSnapshot | null
  /** Loads the profile from PostgreSQL unless the mirror holds its current version; one load at a time. */
  sync(): Promise<ProfileMirrorSnapshot | null>
  /** Starts sync() unless one is running; a failure goes to onError. */
  syncInBackground(): void
  /**
   * Runs one SELECT (DuckDB dialect, $1… placeholders) over a snapshot's table and returns its rows;
   * the table outlives every query that reads it, even when a newer load replaces it meanwhile.
   */
  query(input: MirrorQuery): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

export type MirrorQuery = { snapshot: ProfileMirrorSnapshot; sql: string; parameters: readonly unknown[] }

export type OpenProfileMirrorInput = {
  db: Database
  /** DuckDB worker threads (default: one per core). */
  threads?: number
  /** Where the CSV copy of the profile is written while loading (default: the OS temp dir). */
  workDir?: string
  onError?: (error: unknown) => void
  /** Loads DuckDB's module (default: a dynamic import); tests pass one that fails as a missing binary does. */
  loadDuckdb?: () => Promise<DuckDB>
}

/** DuckDB's module, loaded only where a mirror is opened: its native binary is optional. */
export type DuckDB = typeof import('@duckdb/node-api')

export const loadDuckdb = (): Promise<DuckDB> => import('@duckdb/node-api')

// A profile rebuilt while it was being copied is copied again, at most this many times.
const COPY_ATTEMPTS = 3

export async function openProfileMirror(input: OpenProfileMirrorInput): Promise<ProfileMirror> {
  const duck = await (input.loadDuckdb ?? loadDuckdb)()
  const options: Record<string, string> = input.threads ? { threads: String(input.threads) } : {}
  const instance = await duck.DuckDBInstance.create(':memory:', options)
  const reader = await instance.connect()
  let current: ProfileMirrorSnapshot | null = null
  let loading: Promise<ProfileMirrorSnapshot | null> | null = null
  let loads = 0
  // Queries running per table, and the replaced tables to drop once nobody reads them.
  const readers = new Map<string, number>()
  const retired = new Set<string>()

  async function dropRetired(): Promise<void> {
    for (const table of retired) {
      if (readers.get(table)) continue
      retired.delete(table)
      await reader.run(`DROP TABLE IF EXISTS ${table}`)
    }
  }

  async function load(): Promise<ProfileMirrorSnapshot | null> {
    const version = await readProfileVersion(input.db.kysely)
    if (version === null || version === current?.version) return current
    const previous = current
    current = await copyProfile(duck, instance, input, `client_profile_${++loads}`)
    if (previous) retired.add(previous.table)
    await dropRetired()
    return current
  }

  function sync(): Promise<ProfileMirrorSnapshot | null> {
    loading ??= load().finally(() => {
      loading = null
    })
    return loading
  }

  return {
    snapshot: () => current,
    sync,
    syncInBackground() {
      sync().catch((error: unknown) => input.onError?.(error))
    },
    async query({ snapshot, sql, parameters }) {
      const { table } = snapshot
      readers.set(table, (readers.get(table) ?? 0) + 1)
      try {
        const result = await reader.runAndReadAll(sql, parameters.map(duckdbValue), parameters.map((p) => duckdbType(duck, p)))
        return result.getRowObjectsJS() as Record<string, unknown>[]
      } finally {
        readers.set(table, readers.get(table)! - 1)
        if (retired.has(table)) void dropRetired().catch((error: unknown) => input.onError?.(error))
      }
    },
    async close() {
      await loading?.catch(() => undefined)
      reader.closeSync()
      instance.closeSync()
    },
  }
}

async function copyProfile(duck: DuckDB, instance: DuckDBInstance, input: OpenProfileMirrorInput, table: string): Promise<ProfileMirrorSnapshot> {
  const started = performance.now()
  const file = join(input.workDir ?? tmpdir(), `otklik-profile-${randomBytes(6).toString('hex')}.csv`)
  const loader = await instance.connect()
  try {
    for (let attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
      const version = await readProfileVersion(input.db.kysely)
      const columns = await listProfileColumns(input.db.kysely)
      const productBits = await loadProductBits(input.db.kysely)
      const names = columns.map((c) => `"${c.name}"`).join(', ')
      await input.db.copyOut({ query: `SELECT ${names} FROM client_profile`, into: createWriteStream(file) })
      // The rebuild writes the version in its own transaction: unchanged before and after the
      // copy means the copy is exactly that version.
      if (version === null || (await readProfileVersion(input.db.kysely)) !== version) continue
      const loaded = await loadCsv(duck, loader, { file, table, columns })
      return { ...loaded, version, table, productBits, loadMs: Math.round(performance.now() - started) }
    }
    throw new Error(`the selection profile kept changing while it was copied (${COPY_ATTEMPTS} attempts)`)
  } finally {
    loader.closeSync()
    await rm(file, { force: true })
  }
}

type LoadCsvInput = { file: string; table: string; columns: readonly ProfileColumn[] }

async function loadCsv(duck: DuckDB, loader: DuckDBConnection, { file, table, columns }: LoadCsvInput): Promise<BreakdownDictionary & { clients: number }> {
  const types = columns.map((c) => `${literal(c.name)}: ${literal(duckdbColumnType(c))}`).join(', ')
  const staging = `${table}_csv`
  // PostgreSQL's CSV: NULL is an empty unquoted field, "" an empty string — hence no quoted nulls.
  await loader.run(`
    CREATE OR REPLACE TABLE ${staging} AS SELECT * FROM read_csv(${literal(file)}, header = false, auto_detect = false,
      delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`)
  try {
    const [found] = (await loader.runAndReadAll(`
      SELECT list(DISTINCT segment ORDER BY segment) AS segments,
        list(DISTINCT region_code ORDER BY region_code) FILTER (WHERE region_code IS NOT NULL) AS regions,
        count(*) AS clients
      FROM ${staging}`)).getRowObjectsJS() as { segments: string[] | null; regions: string[] | null; clients: bigint }[]
    const segments = found.segments ?? []
    const regions = found.regions ?? []
    // Stored in the order analysts filter by — status, VIP, then segment, region and channels (the
    // key) — so DuckDB's min/max zone maps skip whole row groups: a count of churned or VIP clients
    // reads a tenth of the table. Rows, columns and values stay exactly those of PostgreSQL.
    await loader.run(
      `CREATE TABLE ${table} AS SELECT *, (${breakdownKeySql(regions.length)})::INTEGER AS breakdown_key FROM ${staging}
        ORDER BY status, vip, breakdown_key`,
      [duck.listValue(segments), duck.listValue(regions)],
      [duck.LIST(duck.VARCHAR), duck.LIST(duck.VARCHAR)],
    )
    return { segments, regions, clients: Number(found.clients) }
  } finally {
    await loader.run(`DROP TABLE IF EXISTS ${staging}`)
  }
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
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
