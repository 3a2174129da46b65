import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { sql } from 'kysely'
import type { Database } from '../open-database.ts'
import { readProfileState } from '../stores/profile-state-store.ts'
import { listProfileColumns, loadProductBits, type ProfileColumn } from '../stores/profile-store.ts'
import { breakdownKeySql, type BreakdownDictionary } from './breakdown-key.ts'
import { duckdbColumnType } from './duckdb-column-type.ts'
import type { DuckDB } from './load-duckdb.ts'

// Copies a consistent version of client_profile from PostgreSQL into a new DuckDB table. With a
// base (the mirror's previous table) only the rows written since its version travel — a small
// import moves a few rows, not the whole profile — and DuckDB merges them with the base. The copy
// goes in chunks of client ids, each a short COPY, so PGlite's one connection is never held long;
// the version is read before and after: unchanged means every chunk saw that one version (every
// write of the profile is a refresh batch that moves it).

export type ProfileCopy = BreakdownDictionary & {
  version: number
  table: string
  clients: number
  productBits: ReadonlyMap<string, number>
}

export type CopyProfileInput = {
  duck: DuckDB
  instance: DuckDBInstance
  db: Database
  table: string
  /** The previous copy to bring up to date, or null for a full copy. */
  base: { table: string; version: number } | null
  workDir?: string
}

// Client ids per COPY: a short statement even on PGlite.
const CHUNK_IDS = 50_000
// A profile rewritten while it was being copied is copied again, at most this many times.
const COPY_ATTEMPTS = 3

/** The copy, or null when no consistent version can be copied now (a refresh is under way). */
export async function copyProfileToDuckdb(input: CopyProfileInput): Promise<ProfileCopy | null> {
  const loader = await input.instance.connect()
  let base = input.base
  try {
    for (let attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
      const state = await readProfileState(input.db.kysely)
      if (!state || state.consistentVersion === null || state.consistentVersion !== state.version) return null
      const since = base?.version ?? -1
      const columns = await listProfileColumns(input.db.kysely)
      const productBits = await loadProductBits(input.db.kysely)
      const files = await copyChunks(input, columns, since)
      try {
        if ((await readProfileState(input.db.kysely))?.version !== state.version) continue
        const loaded = await loadFiles(input.duck, loader, { files, table: input.table, columns, base: base?.table ?? null })
        // A row removed from the profile leaves no trace in a delta: a count that disagrees with
        // PostgreSQL's means copying the whole profile instead.
        if (loaded.clients !== state.clients && base) {
          await loader.run(`DROP TABLE IF EXISTS ${input.table}`)
          base = null
          continue
        }
        return { ...loaded, version: state.version, table: input.table, productBits }
      } finally {
        await Promise.all(files.map((file) => rm(file, { force: true })))
      }
    }
    throw new Error(`the selection profile kept changing while it was copied (${COPY_ATTEMPTS} attempts)`)
  } finally {
    loader.closeSync()
  }
}

async function copyChunks(input: CopyProfileInput, columns: readonly ProfileColumn[], since: number): Promise<string[]> {
  const changed = sql`profile_version > ${since}`
  const { rows } = await sql<{ low: number | null; high: number | null }>`
    SELECT min(client_id) AS low, max(client_id) AS high FROM client_profile WHERE ${changed}`.execute(input.db.kysely)
  const { low, high } = rows[0]
  if (low === null || high === null) return []
  const names = columns.map((c) => `"${c.name}"`).join(', ')
  const files: string[] = []
  const stem = join(input.workDir ?? tmpdir(), `otklik-profile-${randomBytes(6).toString('hex')}`)
  try {
    for (let from = Number(low); from <= Number(high); from += CHUNK_IDS) {
      const file = `${stem}-${files.length}.csv`
      files.push(file)
      // Whole numbers from our own database, checked, so the text query binds nothing from outside.
      const where = `profile_version > ${integer(since)} AND client_id BETWEEN ${integer(from)} AND ${integer(from + CHUNK_IDS - 1)}`
      await input.db.copyOut({ query: `SELECT ${names} FROM client_profile WHERE ${where}`, into: createWriteStream(file) })
    }
    return files
  } catch (error) {
    await Promise.all(files.map((file) => rm(file, { force: true })))
    throw error
  }
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not a whole number: ${n}`)
  return String(n)
}

type LoadFilesInput = { files: readonly string[]; table: string; columns: readonly ProfileColumn[]; base: string | null }

async function loadFiles(duck: DuckDB, loader: DuckDBConnection, input: LoadFilesInput): Promise<BreakdownDictionary & { clients: number }> {
  const { table, columns } = input
  const staging = `${table}_csv`
  const names = columns.map((c) => `"${c.name}"`).join(', ')
  await loader.run(`CREATE OR REPLACE TABLE ${staging} (${columns.map((c) => `"${c.name}" ${duckdbColumnType(c)}`).join(', ')})`)
  try {
    const files = await nonEmpty(input.files)
    if (files.length > 0) {
      const types = columns.map((c) => `${literal(c.name)}: ${literal(duckdbColumnType(c))}`).join(', ')
      // PostgreSQL's CSV: NULL is an empty unquoted field, "" an empty string — hence no quoted nulls.
      await loader.run(`
        INSERT INTO ${staging} SELECT * FROM read_csv([${files.map(literal).join(', ')}], header = false, auto_detect = false,
          delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`)
    }
    // The base's rows that the delta does not replace, then the delta.
    const rows = input.base
      ? `SELECT ${names} FROM ${input.base} WHERE client_id NOT IN (SELECT client_id FROM ${staging}) UNION ALL SELECT ${names} FROM ${staging}`
      : `SELECT ${names} FROM ${staging}`
    const merged = `${table}_merged`
    await loader.run(`CREATE OR REPLACE TABLE ${merged} AS ${rows}`)
    try {
      return await storeSorted(duck, loader, merged, table)
    } finally {
      await loader.run(`DROP TABLE IF EXISTS ${merged}`)
    }
  } finally {
    await loader.run(`DROP TABLE IF EXISTS ${staging}`)
  }
}

async function storeSorted(duck: DuckDB, loader: DuckDBConnection, source: string, table: string): Promise<BreakdownDictionary & { clients: number }> {
  const [found] = (await loader.runAndReadAll(`
    SELECT list(DISTINCT segment ORDER BY segment) AS segments,
      list(DISTINCT region_code ORDER BY region_code) FILTER (WHERE region_code IS NOT NULL) AS regions,
      count(*) AS clients
    FROM ${source}`)).getRowObjectsJS() as { segments: string[] | null; regions: string[] | null; clients: bigint }[]
  const segments = found.segments ?? []
  const regions = found.regions ?? []
  // Stored in the order analysts filter by — status, VIP, then segment, region and channels (the
  // key) — so DuckDB's min/max zone maps skip whole row groups: a count of churned or VIP clients
  // reads a tenth of the table. Rows, columns and values stay exactly those of PostgreSQL.
  await loader.run(
    `CREATE TABLE ${table} AS SELECT *, (${breakdownKeySql(regions.length)})::INTEGER AS breakdown_key FROM ${source}
      ORDER BY status, vip, breakdown_key`,
    [duck.listValue(segments), duck.listValue(regions)],
    [duck.LIST(duck.VARCHAR), duck.LIST(duck.VARCHAR)],
  )
  return { segments, regions, clients: Number(found.clients) }
}

async function nonEmpty(files: readonly string[]): Promise<string[]> {
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size))
  return files.filter((_, i) => sizes[i] > 0)
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
