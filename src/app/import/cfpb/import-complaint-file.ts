import { COMPLAINT_FILE_KIND } from '../../../contract/import-kinds.ts'
import { reason, reasonOf } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../../core/domain-error.ts'
import { checkCfpbRow } from '../../../core/import/cfpb/check-cfpb-row.ts'
import { detectCfpbFormat, type CfpbFormat, type CfpbLayout } from '../../../core/import/cfpb/cfpb-formats.ts'
import { CfpbSourceKeys } from '../../../core/import/cfpb/cfpb-source-keys.ts'
import type { Database } from '../../../db/open-database.ts'
import { insertLiveImport } from '../../../db/stores/import-liveness-store.ts'
import { createStage, dropStage, lockImportApplies, stageTableName } from '../../../db/stores/import-stage-store.ts'
import { copyRejections, finishImport, updateImportProgress, type NewRejection } from '../../../db/stores/import-store.ts'
import { applyMarketComplaintStage } from '../../../db/stores/market-complaint-store.ts'
import { importOwner } from '../import-owner.ts'
import type { ImportSource, SourceRow } from '../import-source.ts'
import { openImportSource } from '../open-import-source.ts'
import type { ImportOutcome, ImportProgressReport, ImportUser } from '../run-import.ts'
import { COMPLAINT_STAGE_COLUMNS, complaintStageLine } from './complaint-stage.ts'

export type ImportComplaintFileInput = {
  path: string
  /** The name the user knows the file by, for the history and the rejections. */
  fileName: string
  dryRun: boolean
  user: ImportUser
  onProgress?: (progress: ImportProgressReport) => void
}

export type ComplaintFileOutcome = ImportOutcome & {
  format: CfpbFormat | null
  /** Loaded complaints by the file's own product name. */
  byProduct: Record<string, number>
  /** Loaded complaints that were not stored before (the rest were stored by an earlier import and updated). */
  added: number
}

/** Rows are checked and staged in chunks of this many, each a short piece of database work. */
const CHUNK_ROWS = 5_000

/**
 * Imports a CFPB consumer-complaint export (docs/cfpb-mapping.md) into market_complaints: every row
 * is loaded or rejected with its line and reason, the loaded ones are applied in one transaction
 * upserting by their source key, so a re-import adds nothing twice and a failed one changes nothing.
 */
export async function importComplaintFile(db: Database, input: ImportComplaintFileInput): Promise<ComplaintFileOutcome> {
  const { id, liveness } = await insertLiveImport(db, {
    kind: COMPLAINT_FILE_KIND, fileName: input.fileName, userId: input.user.id, login: input.user.login, dryRun: input.dryRun, owner: importOwner(),
  })
  const stage = stageTableName(id)
  const run: FileRun = { id, input, stage, counters: { rowsRead: 0, loaded: 0, rejected: 0 }, byProduct: {} }
  let source: ImportSource | undefined
  let format: CfpbFormat | null = null
  try {
    source = await openImportSource({ path: input.path })
    const layout = detectCfpbFormat(source.headers)
    format = layout.format
    await createStage(db.kysely, { name: stage, columns: COMPLAINT_STAGE_COLUMNS })
    await stageRows(db, run, source, layout)
    const added = await applyStage(db, run, source)
    return { id, status: 'done', error: null, ...run.counters, format, byProduct: run.byProduct, added }
  } catch (error) {
    const message = error instanceof DomainError ? error.message : `the import failed and nothing was changed: ${(error as Error).message}`
    const errorReason = reasonOf((error as DomainError).details) ?? reason('import.failed', { detail: (error as Error).message })
    await finishImport(db.kysely, id, { ...run.counters, loaded: 0, bytesRead: source?.bytesRead() ?? 0, status: 'failed', error: message, errorReason }).catch(() => undefined)
    return { id, status: 'failed', error: message, errorReason, ...run.counters, loaded: 0, format, byProduct: {}, added: 0 }
  } finally {
    source?.close()
    await dropStage(db.kysely, stage).catch(() => undefined)
    await liveness.release()
  }
}

type FileRun = {
  id: number
  input: ImportComplaintFileInput
  stage: string
  counters: { rowsRead: number; loaded: number; rejected: number }
  byProduct: Record<string, number>
}

/** Streams the file's rows through the checks into the stage, chunk by chunk, recording rejections as found. */
async function stageRows(db: Database, run: FileRun, source: ImportSource, layout: CfpbLayout): Promise<void> {
  const { id, input, stage, counters, byProduct } = run
  const keys = new CfpbSourceKeys(layout.format)
  let lines: string[] = []
  let rejected: NewRejection[] = []
  const flush = async () => {
    if (lines.length > 0) await db.copyIn({ table: stage, columns: COMPLAINT_STAGE_COLUMNS.map((c) => c.name), chunks: [lines.join('')] })
    await copyRejections(db, id, rejected)
    counters.loaded += lines.length
    counters.rejected += rejected.length
    lines = []
    rejected = []
    const progress = { ...counters, bytesRead: source.bytesRead(), bytesTotal: source.bytesTotal }
    await updateImportProgress(db.kysely, id, { ...progress, encoding: source.encoding(), delimiter: source.delimiter })
    input.onProgress?.(progress)
  }
  const reject = (row: Pick<SourceRow, 'line' | 'cells'>, why: { message: string; reason: NewRejection['reasons'] }) =>
    rejected.push({ file: input.fileName, line: row.line, reason: why.message, reasons: why.reason, cells: row.cells })
  const check = (row: SourceRow) => {
    counters.rowsRead++
    if (row.problem) return reject(row, { message: row.problem.message, reason: [row.problem.details] })
    if (row.cells.length !== source.headers.length) {
      const message = `the row has ${row.cells.length} cells, the header has ${source.headers.length}`
      return reject(row, { message, reason: [reason('import.bad_cell_count', { cells: row.cells.length, header: source.headers.length })] })
    }
    const checked = checkCfpbRow(layout, row.cells)
    if (!checked.ok) return reject(row, { message: checked.message, reason: [checked.reason] })
    const key = keys.assign(row.line, checked.complaint)
    if ('duplicateOf' in key) {
      const described = `Complaint ID "${checked.complaint.complaintId}"`
      return reject(row, { message: `duplicate: ${described} already appears on line ${key.duplicateOf} of this file`, reason: [reason('import.duplicate_row', { key: described, firstLine: key.duplicateOf })] })
    }
    lines.push(complaintStageLine({ line: row.line, key: key.key, format: layout.format, complaint: checked.complaint }))
    byProduct[checked.complaint.product] = (byProduct[checked.complaint.product] ?? 0) + 1
  }
  try {
    for await (const batch of source.batches()) {
      for (const row of batch) check(row)
      if (lines.length + rejected.length >= CHUNK_ROWS) await flush()
    }
  } catch (error) {
    const line = cutOffLine(error)
    if (line === undefined) throw error
    // A quote never closed swallows the rest of the file into one cell (a narrative cut off by the
    // export): that row is rejected with its line; the rows before it were read whole and stay.
    counters.rowsRead++
    const message = `line ${line}: a quoted cell is never closed before the end of the file (a cut-off narrative?); the row from line ${line} on is rejected`
    reject({ line, cells: [] }, { message, reason: [reason('import.cfpb_cut_off', { line })] })
  }
  await flush()
}

/** The line of a record the file ends inside of (the CSV reader's unclosed quote), if that is the error. */
function cutOffLine(error: unknown): number | undefined {
  const details = (error as DomainError | undefined)?.details as { code?: string; line?: number } | undefined
  return error instanceof DomainError && details?.code === 'import.unclosed_quote' ? details.line : undefined
}

/** The import's one transaction; a dry run goes through the same apply and rolls it back. */
async function applyStage(db: Database, run: FileRun, source: ImportSource): Promise<number> {
  const trx = await db.kysely.startTransaction().execute()
  try {
    await lockImportApplies(trx)
    const added = await applyMarketComplaintStage(trx, { stage: run.stage, importId: run.id })
    const outcome = {
      ...run.counters, bytesRead: source.bytesRead(), status: 'done' as const, error: null,
      files: { [run.input.fileName]: { headers: source.headers, loaded: run.counters.loaded, rejected: run.counters.rejected } },
    }
    if (run.input.dryRun) {
      await trx.rollback().execute()
      await finishImport(db.kysely, run.id, outcome)
      return added
    }
    await finishImport(trx, run.id, outcome)
    await trx.commit().execute()
    return added
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined)
    throw error
  }
}
