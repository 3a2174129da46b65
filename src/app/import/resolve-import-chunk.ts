import { describe } from '../../core/import/compile-row-validator.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { ResolvedColumn } from '../../core/import/resolve-mapping.ts'
import type { Database } from '../../db/open-database.ts'
import { findClientIds, findExistingHoldings } from '../../db/stores/import-stage-store.ts'
import type { NewRejection } from '../../db/stores/import-store.ts'
import { stageLine } from './import-stage-columns.ts'

/** A row that passed the checks of its own cells (core/import/compile-row-validator.ts). */
export type CheckedRow = { line: number; cells: string[]; values: (string | null)[]; blankForNew: string[] }

export type ResolveImportChunkInput = {
  kind: ImportKind
  rows: readonly CheckedRow[]
  columns: readonly ResolvedColumn[]
  file: string
}

export type ResolvedChunk = { stageText: string; staged: number; rejected: NewRejection[] }

const BANK_ID = 0 // bank_id is the first field of every kind
const ACCOUNT_NO = IMPORT_FIELDS.holdings.findIndex((f) => f.name === 'account_no')

/**
 * The checks that need the database, done per chunk with short indexed lookups: the client a row
 * refers to must exist, and a row that would create a record must fill the fields a new record
 * needs. Returns the staging CSV of the rows that pass and the rejections of those that do not.
 */
export async function resolveImportChunk(db: Database, input: ResolveImportChunkInput): Promise<ResolvedChunk> {
  const { kind, rows, file } = input
  const rejected: NewRejection[] = []
  const reject = (row: CheckedRow, reason: string) => rejected.push({ file, line: row.line, reason, cells: row.cells })
  let stageText = ''
  let staged = 0

  if (kind === 'clients') {
    const incomplete = rows.filter((r) => r.blankForNew.length > 0)
    const existing = await findClientIds(db.kysely, incomplete.map((r) => r.values[BANK_ID]!))
    for (const row of rows) {
      if (row.blankForNew.length > 0 && !existing.has(row.values[BANK_ID]!)) {
        reject(row, `${row.blankForNew.join(', ')}: required for a new client, the cell is blank`)
        continue
      }
      stageText += stageLine([row.line], row.values)
      staged++
    }
    return { stageText, staged, rejected }
  }

  const bankIdHeader = input.columns.find((c) => c.field.name === 'bank_id')!.header
  const clientIds = await findClientIds(db.kysely, [...new Set(rows.map((r) => r.values[BANK_ID]!))])
  const known = rows.filter((row) => {
    if (clientIds.has(row.values[BANK_ID]!)) return true
    reject(row, `${describe(bankIdHeader, 'bank_id')} ${JSON.stringify(row.values[BANK_ID])}: unknown client (import the clients first)`)
    return false
  })
  const existingHoldings =
    kind === 'holdings'
      ? await findExistingHoldings(
          db.kysely,
          known.filter((r) => r.blankForNew.length > 0).map((r) => ({ clientId: clientIds.get(r.values[BANK_ID]!)!, accountNo: r.values[ACCOUNT_NO]! })),
        )
      : new Set<string>()
  for (const row of known) {
    const clientId = clientIds.get(row.values[BANK_ID]!)!
    if (row.blankForNew.length > 0 && !existingHoldings.has(`${clientId}\u0001${row.values[ACCOUNT_NO]}`)) {
      reject(row, `${row.blankForNew.join(', ')}: required for a new holding, the cell is blank`)
      continue
    }
    stageText += stageLine([row.line, clientId], row.values)
    staged++
  }
  return { stageText, staged, rejected }
}
