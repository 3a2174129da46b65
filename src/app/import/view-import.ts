import { DomainError } from '../../core/domain-error.ts'
import type { Database } from '../../db/open-database.ts'
import { findImport, listRejections, type ImportRecord } from '../../db/stores/import-store.ts'

export type ImportView = ImportRecord & { rejections: { line: number; file: string | null; reason: string }[] }

const SHOWN_REJECTIONS = 100

/** One import of the history with its first rejections (all of them download as CSV). */
export async function viewImport(db: Database, id: number): Promise<ImportView> {
  const record = await findImport(db.kysely, id)
  if (!record) throw new DomainError('not_found', `No import ${id}`)
  const rejections = await listRejections(db.kysely, { importId: id, limit: SHOWN_REJECTIONS })
  return { ...record, rejections: rejections.map((r) => ({ line: r.line, file: r.file, reason: r.reason })) }
}
