import type { Database } from '../../db/open-database.ts'
import { databaseRefusal } from '../../db/database-refusal.ts'
import type { StagedRow } from './resolve-import-chunk.ts'

export type CopyStageRowsInput = { stage: string; columns: readonly string[]; rows: readonly StagedRow[] }

export type RefusedRow = { row: StagedRow; message: string }

/**
 * COPYs a chunk's rows into staging. A COPY is all or nothing, so when the database refuses the
 * chunk, the halves are copied again until each refused row stands alone: that row is returned
 * with the database's message (for a rejection with its line) and the rest are staged.
 */
export async function copyStageRows(db: Database, input: CopyStageRowsInput): Promise<RefusedRow[]> {
  const refused: RefusedRow[] = []
  const copy = async (rows: readonly StagedRow[]): Promise<void> => {
    if (rows.length === 0) return
    try {
      await db.copyIn({ table: input.stage, columns: input.columns, chunks: [rows.map((r) => r.text).join('')] })
    } catch (error) {
      const message = databaseRefusal(error)
      if (message === undefined) throw error
      if (rows.length === 1) {
        refused.push({ row: rows[0], message })
        return
      }
      const half = Math.ceil(rows.length / 2)
      await copy(rows.slice(0, half))
      await copy(rows.slice(half))
    }
  }
  await copy(input.rows)
  return refused
}
