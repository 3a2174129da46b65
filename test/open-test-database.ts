import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when OTKLIK_TEST_PG_URL
 * names a PostgreSQL server (the `postgres` test project) — a new database on that server,
 * dropped again by close().
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.OTKLIK_TEST_PG_URL
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory://' })
    await migrate(db)
    return db
  }
  const scratch = await createScratchDatabase(serverUrl)
  const db = await openDatabase({ url: scratch.url, dataDir: '' })
  await migrate(db)
  const close = db.close
  return {
    ...db,
    async close() {
      await close()
      await scratch.drop()
    },
  }
}

/** A new, empty database on the server (for a test that runs Otklik in a child process), and its removal. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `otklik_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
