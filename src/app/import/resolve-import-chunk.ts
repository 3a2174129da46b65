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
import { resolveCallChunk } from './resolve-call-chunk.ts'
import { attributeResponse } from '../../core/response/attribute-response.ts'
import { findProgramMemberships } from '../../db/stores/response-store.ts'
import { attributionRefusal } from '../response/attribution-refusal.ts'
import type { ImportProgram } from './resolve-import-program.ts'

/** A row that passed the checks of its own cells (core/import/compile-row-validator.ts). */
export type CheckedRow = { line: number; cells: string[]; values: (string | null)[]; blankForNew: BlankCell[]; missingForNew: string[] }

export type ResolveImportChunkInput = {
  kind: ImportKind
  rows: readonly CheckedRow[]
  columns: readonly ResolvedColumn[]
  file: string
  /** The program of an import of responses: each row is attributed to one of its waves. None: the client's events. */
  program?: ImportProgram
}

/** A row ready for staging: its COPY line, and its cells should the database refuse it. */
export type StagedRow = { line: number; text: string; cells: string[] }

export type ResolvedChunk = { staged: StagedRow[]; rejected: NewRejection[] }

const BANK_ID = 0 // bank_id is the first field of every kind of the client base (a call names its client by phone)
const ACCOUNT_NO = IMPORT_FIELDS.holdings.findIndex((f) => f.name === 'account_no')
const MONTH = IMPORT_FIELDS.activity.findIndex((f) => f.name === 'month')
const RESPONDED_AT = IMPORT_FIELDS.responses.findIndex((f) => f.name === 'responded_at')

/**
 * The checks that need the database, done per chunk with short indexed lookups: the client a row
 * refers to must exist, and a row that creates a record must fill the fields a new record needs.
 * Each staged row carries the id of the record it updates (NULL: a new record), so that the apply
 * is a plain UPDATE by primary key and a plain INSERT, with no join planned against a growing table.
 */
export async function resolveImportChunk(db: Database, input: ResolveImportChunkInput): Promise<ResolvedChunk> {
  const { kind, rows, file } = input
  if (isReferenceKind(kind)) return resolveReferenceChunk(db, { ...input, kind })
  if (kind === 'calls') return resolveCallChunk(db, input)
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
  } else if (kind === 'responses' && input.program) {
    await attributeChunk(db, { ...input, program: input.program }, known, { stage, reject, bankIdHeader })
  } else if (kind === 'responses') {
    // Events without a program: kept as they come; attribution gives them to programs afterwards.
    for (const k of known) stage(k.row, [k.row.line, k.clientId, ''])
  } else {
    for (const k of known) stage(k.row, [k.row.line, k.clientId])
  }
  return out
}

type ChunkOutput = {
  stage: (row: CheckedRow, prefix: (number | string)[]) => void
  reject: (row: CheckedRow, refusal: Refusal) => void
  bankIdHeader: string
}

/** Each response goes to the wave of its program the client was in when it came (core/response/attribute-response.ts). */
async function attributeChunk(
  db: Database,
  input: ResolveImportChunkInput & { program: ImportProgram },
  known: readonly { row: CheckedRow; clientId: number }[],
  { stage, reject, bankIdHeader }: ChunkOutput,
): Promise<void> {
  const memberships = await findProgramMemberships(db.kysely, { programId: input.program.id, clientIds: known.map((k) => k.clientId) })
  const timeColumn = input.columns.find((c) => c.field.name === 'responded_at')!
  for (const { row, clientId } of known) {
    const respondedAt = row.values[RESPONDED_AT]!
    const attribution = attributeResponse({ respondedAt, memberships: memberships.get(clientId) ?? [] })
    if (attribution.ok) {
      stage(row, [row.line, clientId, attribution.waveId])
      continue
    }
    const refusal = attributionRefusal({
      attribution,
      program: input.program.code,
      client: { column: bankIdHeader, label: describe(bankIdHeader, 'bank_id'), value: row.values[BANK_ID]! },
      time: {
        column: timeColumn.header, label: describe(timeColumn.header, 'responded_at'), value: row.cells[timeColumn.index].trim(), iso: new Date(respondedAt).toISOString(),
      },
    })
    reject(row, { reason: refusal.message, reasons: [refusal.reason] })
  }
}
