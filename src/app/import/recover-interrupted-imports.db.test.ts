import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { createStage, stageTableName } from '../../db/stores/import-stage-store.ts'
import { findImport, insertImport } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { recoverInterruptedImports } from './recover-interrupted-imports.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('recoverInterruptedImports', () => {
  it('fails imports a stopped process left running and drops their staging tables', async () => {
    const id = await insertImport(db.kysely, { kind: 'clients', fileName: 'a.csv', userId: null, login: 'x', dryRun: false })
    await createStage(db.kysely, { name: stageTableName(id), columns: [{ name: 'line', type: 'integer' }] })
    const later = new Date(Date.now() + 7 * 60 * 60 * 1000)
    expect(await recoverInterruptedImports(db, later)).toBe(1)
    expect(await findImport(db.kysely, id)).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') })
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'import_stage_%'`.execute(db.kysely)
    expect(left.rows[0].n).toBe(0)
  })

  it('leaves an import that is running now alone on a server', async () => {
    const id = await insertImport(db.kysely, { kind: 'clients', fileName: 'b.csv', userId: null, login: 'x', dryRun: false })
    await recoverInterruptedImports(db, new Date(Date.now() + 60_000))
    expect((await findImport(db.kysely, id))?.status).toBe(db.kind === 'pglite' ? 'failed' : 'running')
  })
})
