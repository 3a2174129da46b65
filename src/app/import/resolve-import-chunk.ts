import { reason } from '../../contract/reason-codes.ts'
import { describe, type BlankCell } from '../../core/import/compile-row-validator.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import { isReferenceKind, type ImportKind } from '../../core/import/import-kinds.ts'
import type { ResolvedColumn } from '../../core/import/resolve-mapping.ts'
import type { Database } from '../../db/open-database.ts'
import { findActivityMonths, findClientIds, findHoldingIds } from '../../db/stores/import-stage-store.ts'
import type { NewRejection } from '../../db/stores/import-store.ts'
import { stageLine } from './import-stage-columns.ts'
import { missingForNewReason, type Refusal } from './missing-for-new-reason.ts'
import { resolveReferenceChunk } from './resolve-reference-chunk.ts'

/** A row that passed the checks of its own cells (core/import/compile-row-validator.ts). */
export type CheckedRow = { line: number; cells: string[]; values: (string | null)[]; blankForNew: BlankCell[]; missingForNew: string[] }

export type ResolveImportChunkInput = {
  kind: ImportKind
  rows: readonly CheckedRow[]
  columns: readonly ResolvedColumn[]
  file: string
}

/** A row ready for staging: its COPY line, and its cells should the database refuse it. */
export type StagedRow = { line: number; text: string; cells: string[] }

export type ResolvedChunk = { staged: StagedRow[]; rejected: NewRejection[] }

const BANK_ID = 0 // bank_id is the first field of every kind
const ACCOUNT_NO = IMPORT_FIELDS.holdings.findIndex((f) => f.name === 'account_no')
const MONTH = IMPORT_FIELDS.activity.findIndex((f) => f.name === 'month')

/**
 * The checks that need the database, done per chunk with short indexed lookups: the client a row
 * refers to must exist, and a row that creates a record must fill the fields a new record needs.
 * Each staged row carries the id of the record it updates (NULL: a new record), so that the apply
 * is a plain UPDATE by primary key and a plain INSERT, with no join planned against a growing table.
 */
export async function resolveImportChunk(db: Database, input: ResolveImportChunkInput): Promise<ResolvedChunk> {
  const { kind, rows, file } = input
  if (isReferenceKind(kind)) return resolveReferenceChunk(db, { ...input, kind })
  const out: ResolvedChunk = { staged: [], rejected: [] }
  const reject = (row: CheckedRow, refusal: Refusal) => out.rejected.push({ file, line: row.line, ...refusal, cells: row.cells })
  const stage = (row: CheckedRow, prefix: (number | string)[]) => {
    out.staged.push({ line: row.line, text: stageLine(prefix, row.values), cells: row.cells })
  }
  const clientIds = await findClientIds(db.kysely, [...new Set(rows.map((r) => r.values[BANK_ID]!))])

  if (kind === 'clients') {
    for (const row of rows) {
      const clientId = clientIds.get(row.values[BANK_ID]!)
      const missing = clientId === undefined ? missingForNewReason(row, 'client') : undefined
      if (missing) reject(row, missing)
      else stage(row, [row.line, clientId ?? ''])
    }
    return out
  }

  const bankIdHeader = input.columns.find((c) => c.field.name === 'bank_id')!.header
  const known: { row: CheckedRow; clientId: number }[] = []
  for (const row of rows) {
    const clientId = clientIds.get(row.values[BANK_ID]!)
    if (clientId !== undefined) known.push({ row, clientId })
    else {
      const text = `${describe(bankIdHeader, 'bank_id')} ${JSON.stringify(row.values[BANK_ID])}: unknown client (import the clients first)`
      reject(row, { reason: text, reasons: [reason('import.unknown_client', { column: bankIdHeader, value: row.values[BANK_ID] })] })
    }
  }
  if (kind === 'holdings') {
    const pairKey = (k: { row: CheckedRow; clientId: number }) => `${k.clientId}\u0001${k.row.values[ACCOUNT_NO]}`
    const holdingIds = await findHoldingIds(db.kysely, known.map((k) => ({ clientId: k.clientId, accountNo: k.row.values[ACCOUNT_NO]! })))
    for (const k of known) {
      const holdingId = holdingIds.get(pairKey(k))
      const missing = holdingId === undefined ? missingForNewReason(k.row, 'holding') : undefined
      if (missing) reject(k.row, missing)
      else stage(k.row, [k.row.line, k.clientId, holdingId ?? ''])
    }
  } else if (kind === 'activity') {
    const months = await findActivityMonths(db.kysely, known.map((k) => ({ clientId: k.clientId, month: k.row.values[MONTH]! })))
    for (const k of known) stage(k.row, [k.row.line, k.clientId, months.has(`${k.clientId}\u0001${k.row.values[MONTH]}`) ? 't' : 'f'])
  } else {
    for (const k of known) stage(k.row, [k.row.line, k.clientId])
  }
  return out
}
