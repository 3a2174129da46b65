import type pg from 'pg'
import type { Database } from '../open-database.ts'
import { claimImportQueries, insertImport, insertImportQuery, type NewImport } from './import-store.ts'

// Whether the process running an import is alive, told by the database itself: on a PostgreSQL
// server the process holds a session advisory lock (this key, the import's id) on a connection of
// its own for as long as the import runs. When the process dies — killed, crashed, the machine
// restarted — the server ends its session and the lock is free, so another process can tell a
// dead run from a live one at once, with no clock and no timeout.
const LIVENESS_KEY = 0x6f746b01

export type ImportLiveness = { release(): Promise<void> }

const NOTHING_HELD: ImportLiveness = { release: async () => undefined }

/**
 * Records a new import and, on a server, takes its liveness lock in the same transaction: no other
 * process ever sees the import running without its lock held. PGlite has one process by
 * construction: nothing to hold there.
 */
export async function insertLiveImport(db: Database, input: NewImport): Promise<{ id: number; liveness: ImportLiveness }> {
  if (db.kind === 'pglite') return { id: await insertImport(db.kysely, input), liveness: NOTHING_HELD }
  const insert = insertImportQuery(db.kysely, input).compile()
  const taken = await takeWithLock(db, async (client) => (await client.query<{ id: number }>(insert.sql, [...insert.parameters])).rows[0]?.id)
  return { id: taken.id!, liveness: taken.liveness }
}

/**
 * Takes a queued or interrupted import to run it (a job's worker), clearing an earlier attempt's
 * rejections, and on a server takes its liveness lock in the same transaction. Undefined when the
 * import is not waiting to run (finished, or another worker took it).
 */
export async function claimLiveImport(db: Database, input: { id: number; owner: string }): Promise<ImportLiveness | undefined> {
  if (db.kind === 'pglite') {
    const claimed = await db.kysely.transaction().execute(async (tx) => {
      const { claim, clear } = claimImportQueries(tx, input)
      const row = await claim.executeTakeFirst()
      if (row) await clear.execute()
      return Boolean(row)
    })
    return claimed ? NOTHING_HELD : undefined
  }
  const { claim, clear } = claimImportQueries(db.kysely, input)
  const [claimSql, clearSql] = [claim.compile(), clear.compile()]
  const taken = await takeWithLock(db, async (client) => {
    const row = (await client.query<{ id: number }>(claimSql.sql, [...claimSql.parameters])).rows[0]
    if (row) await client.query(clearSql.sql, [...clearSql.parameters])
    return row?.id
  })
  return taken.id === undefined ? undefined : taken.liveness
}

/** On a connection of its own: the statement, and the liveness lock of the row it returns, in one transaction. */
async function takeWithLock(db: Database, write: (client: pg.PoolClient) => Promise<number | undefined>): Promise<{ id: number | undefined; liveness: ImportLiveness }> {
  const client = await db.pool.connect()
  // A connection the server drops (restart) must not crash the process; the import then fails on
  // its next statement anyway.
  const onError = () => undefined
  client.on('error', onError)
  let id: number | undefined
  try {
    await client.query('BEGIN')
    id = await write(client)
    if (id !== undefined) await client.query('SELECT pg_advisory_lock($1, $2)', [LIVENESS_KEY, id])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    client.off('error', onError)
    client.release(true)
    throw error
  }
  if (id === undefined) {
    client.off('error', onError)
    client.release()
    return { id, liveness: NOTHING_HELD }
  }
  const liveness = {
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LIVENESS_KEY, id])
        client.release()
      } catch {
        client.release(true)
      } finally {
        client.off('error', onError)
      }
    },
  }
  return { id, liveness }
}

/** Of these running imports (server only), those whose process is gone: nobody holds their lock. */
export async function findOwnerlessImports(db: Database, importIds: readonly number[]): Promise<number[]> {
  if (db.kind === 'pglite' || importIds.length === 0) return []
  const client = await db.pool.connect()
  try {
    const dead: number[] = []
    for (const id of importIds) {
      const taken = await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS free', [LIVENESS_KEY, id])
      if (!taken.rows[0].free) continue
      dead.push(id)
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LIVENESS_KEY, id])
    }
    return dead
  } finally {
    client.release()
  }
}
