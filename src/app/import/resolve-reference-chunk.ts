import type { ReferenceKind } from '../../core/import/import-kinds.ts'
import type { Database } from '../../db/open-database.ts'
import { findReferenceRecords } from '../../db/stores/import-stage-store.ts'
import { stageLine } from './import-stage-columns.ts'
import { missingForNewReason } from './missing-for-new-reason.ts'
import type { CheckedRow, ResolvedChunk, ResolveImportChunkInput } from './resolve-import-chunk.ts'

const CODE = 0 // code is the first field of the reference kinds

/**
 * Regions and branches are keyed by their own code (matched in any case, kept as stored): a row
 * names the record it updates, or creates one when it has what a new record needs.
 */
export async function resolveReferenceChunk(
  db: Database,
  input: ResolveImportChunkInput & { kind: ReferenceKind },
): Promise<ResolvedChunk> {
  const out: ResolvedChunk = { staged: [], rejected: [] }
  const records = await findReferenceRecords(db.kysely, { kind: input.kind, codes: input.rows.map((r) => r.values[CODE]!) })
  const noun = input.kind === 'regions' ? 'region' : 'branch'
  for (const row of input.rows as readonly CheckedRow[]) {
    const record = records.get(row.values[CODE]!.toLowerCase())
    const missing = record === undefined ? missingForNewReason(row, noun) : undefined
    if (missing) out.rejected.push({ file: input.file, line: row.line, ...missing, cells: row.cells })
    else out.staged.push({ line: row.line, text: stageLine([row.line, record ?? ''], row.values), cells: row.cells })
  }
  return out
}
