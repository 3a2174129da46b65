import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { insertLiveImport } from '../../db/stores/import-liveness-store.ts'
import { createStage, stageTableName } from '../../db/stores/import-stage-store.ts'
import { findImport, insertImport, updateImportProgress } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { recoverInterruptedImports } from './recover-interrupted-imports.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

const now = new Date()
const newImport = (fileName: string) => ({ kind: 'clients', fileName, userId: null, login: 'x', dryRun: false, owner: 'pid 1 on gone' })

describe('recoverInterruptedImports', () => {
  it('marks an import whose process stopped as interrupted, with nothing loaded, and drops its staging table', async () => {
    // Inserted without a liveness lock: as if the process that started it had died.
    const id = await insertImport(db.kysely, newImport('a.csv'))
    await updateImportProgress(db.kysely, id, { rowsRead: 432_416, loaded: 432_000, rejected: 416, bytesRead: 1 })
    await createStage(db.kysely, { name: stageTableName(id), columns: [{ name: 'line', type: 'integer' }] })
    expect(await recoverInterruptedImports(db, { now, atStart: true })).toBe(1)
    expect(await findImport(db.kysely, id)).toMatchObject({
      status: 'interrupted', rowsRead: 432_416, loaded: 0, rejected: 416,
      error: 'interrupted: the process that ran it (pid 1 on gone) stopped before it finished; nothing was loaded',
    })
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'import_stage_%'`.execute(db.kysely)
    expect(left.rows[0].n).toBe(0)
  })

  it('leaves an import whose process is alive alone, and marks it once the process is gone', async () => {
    const { id, liveness } = await insertLiveImport(db, newImport('b.csv'))
    try {
      // Later on, in the process that runs it (PGlite), or from any process (server): still running.
      expect(await recoverInterruptedImports(db, { now, atStart: false })).toBe(0)
      expect((await findImport(db.kysely, id))?.status).toBe('running')
    } finally {
      await liveness.release()
    }
    if (db.kind === 'postgres') {
      // Its owner let go without finishing (as a dead process's session does): dead now, no restart needed.
      expect(await recoverInterruptedImports(db, { now, atStart: false })).toBe(1)
    } else {
      // One process per embedded database: only the next start can find it dead.
      expect(await recoverInterruptedImports(db, { now, atStart: true })).toBe(1)
    }
    expect((await findImport(db.kysely, id))?.status).toBe('interrupted')
  })
})
