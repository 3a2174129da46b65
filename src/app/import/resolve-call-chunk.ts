import { reason } from '../../contract/reason-codes.ts'
import { describe } from '../../core/import/compile-row-validator.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import { maskPersonalValue } from '../../core/mask-personal-data.ts'
import type { Database } from '../../db/open-database.ts'
import { findClientsByPhones } from '../../db/stores/call-log-store.ts'
import { stageLine } from './import-stage-columns.ts'
import type { CheckedRow, ResolvedChunk, ResolveImportChunkInput } from './resolve-import-chunk.ts'

const PHONE = IMPORT_FIELDS.calls.findIndex((f) => f.name === 'phone')

/**
 * A call goes to the client whose phone it is, the phone read into the client base's own form
 * (core/normalize-phone.ts), so '8 (912) 345-67-89' finds the client stored as 79123456789. A phone
 * no client has, or one several clients share, cannot be given to a client: the row is rejected,
 * its reason quoting the phone masked as the client list shows it to a role without clearance
 * (the line and the cells point the user to it).
 */
export async function resolveCallChunk(db: Database, input: ResolveImportChunkInput): Promise<ResolvedChunk> {
  const out: ResolvedChunk = { staged: [], rejected: [] }
  const column = input.columns.find((c) => c.field.name === 'phone')!
  const clients = await findClientsByPhones(db.kysely, [...new Set(input.rows.map((r) => r.values[PHONE]!))])
  for (const row of input.rows as readonly CheckedRow[]) {
    const ids = clients.get(row.values[PHONE]!) ?? []
    if (ids.length === 1) {
      out.staged.push({ line: row.line, text: stageLine([row.line, ids[0]], row.values), cells: row.cells })
      continue
    }
    const masked = maskPersonalValue('phone', row.cells[column.index].trim())
    const label = `${describe(column.header, 'phone')} ${JSON.stringify(masked)}`
    const refusal = ids.length === 0
      ? { reason: `${label}: no client has this phone`, reasons: [reason('import.unknown_phone', { column: column.header, value: masked })] }
      : { reason: `${label}: the phone belongs to ${ids.length} clients`, reasons: [reason('import.shared_phone', { column: column.header, value: masked, clients: ids.length })] }
    out.rejected.push({ file: input.file, line: row.line, ...refusal, cells: row.cells })
  }
  return out
}
