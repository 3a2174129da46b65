import type { AnyReason } from '../../contract/reason-codes.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { mayReadImport } from '../../contract/import-kind-roles.ts'
import { rejectedRowMasker } from '../../core/import/mask-rejected-row.ts'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { findImport, listRejections, type ImportRecord, type Rejection } from '../../db/stores/import-store.ts'

export type ImportView = ImportRecord & { rejections: (Pick<Rejection, 'line' | 'file' | 'reason'> & { reasons: AnyReason[] | null })[] }

const SHOWN_REJECTIONS = 100

/**
 * One import of the history with its first rejections (all of them download as CSV); a reason
 * quotes the bad cell, so it is masked for the reader's role.
 */
export async function viewImport(db: Database, input: { id: number; reader: { role: Role } }): Promise<ImportView> {
  const { id } = input
  const record = await findImport(db.kysely, id)
  if (!record) throw new DomainError('not_found', `No import ${id}`, reason('import.not_found', { id }))
  if (!mayReadImport(input.reader.role, record.kind)) {
    throw new DomainError('forbidden', `The role ${input.reader.role} may not read imports of ${record.kind}`, reason('import.read_forbidden', { role: input.reader.role, kind: record.kind }))
  }
  const rejections = await listRejections(db.kysely, { importId: id, limit: SHOWN_REJECTIONS })
  const maskers = new Map<string, ReturnType<typeof rejectedRowMasker>>()
  const maskerOf = (file: string | null) => {
    const name = file ?? Object.keys(record.files)[0] ?? record.fileName
    let masker = maskers.get(name)
    if (!masker) maskers.set(name, (masker = rejectedRowMasker({ role: input.reader.role, kind: record.kind, headers: record.files[name]?.headers ?? [] })))
    return masker
  }
  return { ...record, rejections: rejections.map((r) => {
    const { reason, reasons } = maskerOf(r.file)(r)
    return { line: r.line, file: r.file, reason, reasons: reasons ?? null }
  }) }
}
