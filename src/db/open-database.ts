import { mkdirSync } from 'node:fs'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { lockDataDir } from './lock-data-dir.ts'
import type { Schema } from './schema.ts'

// Ids (bigint), counts and money (numeric) are read as numbers: they stay far inside 2^53 and the
// domain computes with them. Dates stay ISO strings ('2024-05-01'): no time-zone shifts.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))
pg.types.setTypeParser(1082, (v) => v)

export type DatabaseKind = 'pglite' | 'postgres'

export type CopyInInput = {
  table: string
  columns: readonly string[]
  /** CSV text chunks (no header), each ending with a newline. */
  chunks: AsyncIterable<string> | Iterable<string>
}

export type CopyOutInput = {
  /** A SELECT written by Otklik itself (never from user input). */
  query: string
  /** Receives the rows as CSV (no header); ended when the copy is done. */
  into: Writable
}

export type Database = {
  kind: DatabaseKind
  /** The one pool every query goes through (max 1 connection on PGlite). */
  pool: pg.Pool
  kysely: Kysely<Schema>
  /** Bulk-loads CSV rows with COPY while holding the pool's connection. */
  copyIn(input: CopyInInput): Promise<void>
  /** Writes the rows of a query as CSV with COPY while holding the pool's connection. */
  copyOut(input: CopyOutInput): Promise<void>
  close(): Promise<void>
}

export type OpenDatabaseInput = {
  /** postgres://… for a server; otherwise the embedded PGlite under dataDir. */
  url?: string
  /** A directory for PGlite files, or 'memory://' for a throw-away database (tests). */
  dataDir: string
}

export async function openDatabase(input: OpenDatabaseInput): Promise<Database> {
  return input.url ? openServer(input.url) : openEmbedded(input.dataDir)
}

function openServer(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection the server ends (restart, DROP DATABASE … FORCE) must not crash the process:
  // the pool drops it and the next query opens a fresh one or reports the failure itself.
  pool.on('error', () => {})
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    pool,
    kysely,
    async copyIn({ table, columns, chunks }) {
      const client = await pool.connect()
      try {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`))
        await pipeline(Readable.from(chunks), stream)
      } finally {
        client.release()
      }
    },
    async copyOut({ query, into }) {
      const client = await pool.connect()
      try {
        await pipeline(client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`)), into)
      } finally {
        client.release()
      }
    },
    async close() {
      await kysely.destroy()
    },
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  // One process at a time on the files: a second one would destroy them (db/lock-data-dir.ts).
  const lock = inMemory ? undefined : lockDataDir(dataDir)
  let pglite: PGlite
  try {
    // The extensions the migrations create (pg_trgm for the client search, 0005); a server has contrib.
    pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } })
  } catch (error) {
    lock?.release()
    throw error
  }
  // Exactly one pool of one connection over PGlite for everything: two pools over one PGlite
  // interleave transactions (a write from one ran inside the other's transaction and was lost).
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 })
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'pglite',
    pool,
    kysely,
    async copyIn({ table, columns, chunks }) {
      // COPY FROM STDIN through the pg adapter crashes PGlite; its own /dev/blob COPY works.
      // Holding the pool's one client keeps every other query out while it runs.
      const client = await pool.connect()
      try {
        for await (const chunk of chunks) {
          await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
            blob: new Blob([chunk]),
          })
        }
      } finally {
        client.release()
      }
    },
    async copyOut({ query, into }) {
      // PGlite writes COPY … TO '/dev/blob' into one blob, the whole result in memory: fine for
      // the bank sizes PGlite is meant for.
      const client = await pool.connect()
      try {
        const result = await pglite.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`)
        const bytes = result.blob ? new Uint8Array(await result.blob.arrayBuffer()) : new Uint8Array()
        await pipeline(Readable.from([bytes]), into)
      } finally {
        client.release()
      }
    },
    async close() {
      try {
        await kysely.destroy()
        await pglite.close()
      } finally {
        lock?.release()
      }
    },
  }
}
