import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { createStage } from '../../db/stores/import-stage-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { copyStageRows } from './copy-stage-rows.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  await createStage(db.kysely, { name: 'import_stage_1', columns: [{ name: 'line', type: 'integer' }, { name: 'n', type: 'integer' }] })
})
afterAll(async () => {
  await db.close()
})

describe('copyStageRows', () => {
  it('stages every row the database accepts and returns each refused one alone, with its message', async () => {
    const values = ['1', '2', 'x', '4', '5', '99999999999', '7', '8', '9']
    const rows = values.map((n, i) => ({ line: i + 2, text: `${i + 2},${n}\n`, cells: [n] }))
    const refused = await copyStageRows(db, { stage: 'import_stage_1', columns: ['line', 'n'], rows })
    expect(refused.map((r) => ({ line: r.row.line, message: r.message }))).toEqual([
      { line: 4, message: 'invalid input syntax for type integer: "x"' },
      { line: 7, message: 'value "99999999999" is out of range for type integer' },
    ])
    const staged = await sql<{ line: number }>`SELECT line FROM import_stage_1 ORDER BY line`.execute(db.kysely)
    expect(staged.rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 8, 9, 10])
  })

  it('fails on an error that is not about the data', async () => {
    const rows = [{ line: 2, text: '2,1\n', cells: ['1'] }]
    await expect(copyStageRows(db, { stage: 'import_stage_1', columns: ['line', 'no_such_column'], rows })).rejects.toThrow(/no_such_column/)
  })
})
