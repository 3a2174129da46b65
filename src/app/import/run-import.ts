import { reason, reasonOf, type AnyReason, type Reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { compileRowValidator, type RowResult } from '../../core/import/compile-row-validator.ts'
import { FirstLines } from '../../core/import/first-lines.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import { KEY_FIELDS } from '../../core/import/import-fields.ts'
import { indexImportReferences } from '../../core/import/index-import-references.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import { resolveMapping } from '../../core/import/resolve-mapping.ts'
import type { Database } from '../../db/open-database.ts'
import type { ImportLikelyDuplicates } from '../../db/schema.ts'
import { loadImportCatalogues } from '../../db/stores/import-reference-store.ts'
import {
  analyzeImportTarget,
  analyzeStage,
  createStage,
  deleteStagedLines,
  dropStage,
  stageTableName,
} from '../../db/stores/import-stage-store.ts'
import { insertLiveImport } from '../../db/stores/import-liveness-store.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { copyRejections, finishImport, updateImportProgress, type NewRejection } from '../../db/stores/import-store.ts'
import { attributeResponses, type AttributeResponsesResult } from '../response/attribute-responses.ts'
import { attributionRange } from '../response/attribution-range.ts'
import { applyStagedImport } from './apply-staged-import.ts'
import { copyStageRows } from './copy-stage-rows.ts'
import { importOwner } from './import-owner.ts'
import { likelyDuplicates, type LikelyDuplicates } from './likely-duplicates.ts'
import type { ImportSource, SourceRow } from './import-source.ts'
import { importStageColumns } from './import-stage-columns.ts'
import { openImportSource } from './open-import-source.ts'
import { readSourceLines } from './read-source-lines.ts'
import { resolveImportChunk, type CheckedRow } from './resolve-import-chunk.ts'
import { resolveImportProgram, type ImportProgram } from './resolve-import-program.ts'

export type ImportUser = { id: number | null; login: string | null }

export type ImportProgressReport = { rowsRead: number; loaded: number; rejected: number; bytesRead: number; bytesTotal: number }

export type RunImportInput = {
  kind: ImportKind
  /** The file on disk (the API streams an upload to a temporary file first). */
  path: string
  /** The name the user knows the file by, for the history and the rejections. */
  fileName: string
  dryRun: boolean
  /** field → header; the suggested mapping when absent. */
  mapping?: Record<string, string>
  encoding?: string
  /** The program's code: required for an import of responses, refused for the other kinds. */
  program?: string
  user: ImportUser
  /**
   * The import's day in the bank's calendar ('YYYY-MM-DD'), from the caller's clock: birth dates,
   * openings and consents after it are refused. Every entry point passes it.
   */
  today?: string
  onProgress?: (progress: ImportProgressReport) => void
}

export type ImportOutcome = {
  id: number
  status: 'done' | 'failed'
  error: string | null
  /** The failure as a reason code (contract/reason-codes.ts), for the reader's language. */
  errorReason?: AnyReason
  rowsRead: number
  loaded: number
  rejected: number
  /** Rows that look like a client under another bank id (clients only): loaded, and reported. */
  likelyDuplicates?: ImportLikelyDuplicates
  /** Events without a program (responses with none named): how attribution then gave them to programs. */
  attribution?: AttributeResponsesResult
}

/**
 * Rows are checked and staged in chunks of this many: each chunk's database work (lookups, COPY
 * into staging, rejections, progress) is short, so that on embedded PGlite — one connection —
 * other requests run between chunks.
 */
const CHUNK_ROWS = 5_000
/** From this many staged rows, the target table's statistics are refreshed before and after the apply. */
const ANALYZE_TARGET_ROWS = 10_000

/** Records the import in the history and starts it; `done` settles when it has finished or failed. */
export async function startImport(db: Database, input: RunImportInput): Promise<{ id: number; done: Promise<ImportOutcome> }> {
  const program = await resolveImportProgram(db.kysely, input)
  const { id, liveness } = await insertLiveImport(db, {
    kind: input.kind,
    programId: program?.id ?? null,
    fileName: input.fileName,
    userId: input.user.id,
    login: input.user.login,
    dryRun: input.dryRun,
    owner: importOwner(),
  })
  const done = executeImport(db, id, { ...input, resolvedProgram: program }).finally(() => liveness.release())
  return { id, done }
}

export async function runImport(db: Database, input: RunImportInput): Promise<ImportOutcome> {
  const { done } = await startImport(db, input)
  return done
}

type Counters = { rowsRead: number; loaded: number; rejected: number }

/** The input with its program found (resolve-import-program.ts). */
export type ResolvedInput = RunImportInput & { resolvedProgram: ImportProgram | undefined }

/** Runs a recorded import (startImport, or a job's claimed run: run-import-job.ts); never throws, a failure is in its row. */
export async function executeImport(db: Database, id: number, input: ResolvedInput): Promise<ImportOutcome> {
  const counters: Counters = { rowsRead: 0, loaded: 0, rejected: 0 }
  // A dry run stages and applies like the real run, and rolls the apply back: it reports exactly
  // what the real run would load, the database's own refusals included.
  const stage = stageTableName(id)
  const duplicates = likelyDuplicates(input.kind)
  let source: ImportSource | undefined
  try {
    source = await openImportSource({ path: input.path, encoding: input.encoding })
    await loadRows(db, { id, input, source, stage, counters, duplicates })
    await applyRows(db, { id, input, source, stage, counters, duplicates })
    // Loaded events go to programs by their rules at once; the events are kept whatever this finds.
    const attribution = input.kind === 'responses' && !input.resolvedProgram && !input.dryRun
      ? await attributeResponses(db.kysely, { actor: { id: input.user.id, login: input.user.login }, clientsPerRange: attributionRange(db.kind), importId: id })
      : undefined
    return { id, status: 'done', error: null, ...counters, ...(duplicates && { likelyDuplicates: duplicates.result() }), ...(attribution && { attribution }) }
  } catch (error) {
    const message = failureMessage(error)
    const errorReason = failureReason(error)
    const failed = { ...counters, loaded: 0, bytesRead: source?.bytesRead() ?? 0, status: 'failed' as const, error: message, errorReason }
    // Never throws: the API runs imports in the background, where nobody would catch it.
    await finishImport(db.kysely, id, failed).catch(() => undefined)
    return { id, status: 'failed', error: message, errorReason, ...counters, loaded: 0 }
  } finally {
    source?.close()
    await dropStage(db.kysely, stage).catch(() => undefined)
  }
}

type ImportRun = {
  id: number
  input: ResolvedInput
  source: ImportSource
  stage: string
  counters: Counters
  duplicates: LikelyDuplicates | undefined
}

/** Rows the database refused are rejected and the apply is run again without them, this many times at most. */
const APPLY_ATTEMPTS = 3

/** The apply (or, for a dry run, its rehearsal), with the import's final counts. */
async function applyRows(db: Database, run: ImportRun): Promise<void> {
  const { id, input, source, stage, counters, duplicates } = run
  const outcome = () => ({
    ...counters,
    ...(duplicates && { likelyDuplicates: duplicates.result() }),
    bytesRead: source.bytesRead(),
    // The encoding again: it is decided by the first non-ASCII byte, which may come late in the file.
    encoding: source.encoding(),
    status: 'done' as const,
    error: null,
    files: { [input.fileName]: { headers: source.headers, loaded: counters.loaded, rejected: counters.rejected } },
  })
  // Statistics for the apply's plan; the target's may lag behind a big earlier load (PGlite has no
  // autovacuum), and after this one they would.
  const big = !input.dryRun && counters.loaded >= ANALYZE_TARGET_ROWS
  await analyzeStage(db.kysely, stage)
  if (big) await analyzeImportTarget(db.kysely, input.kind)
  for (let attempt = 1; ; attempt++) {
    const applied = await applyStagedImport(db, {
      importId: id,
      kind: input.kind,
      stage,
      dryRun: input.dryRun,
      finish: (trx, apply) => finishImport(trx, id, { ...outcome(), apply }),
    })
    if (applied.refused.size > 0) await rejectRefusedRows(db, run, applied.refused)
    if (applied.committed) break
    if (input.dryRun) {
      await finishImport(db.kysely, id, { ...outcome(), apply: applied.details })
      return
    }
    if (attempt === APPLY_ATTEMPTS) {
      throw new DomainError('import_failed', 'the database kept refusing rows of the file; nothing was loaded', reason('import.database_kept_refusing'))
    }
  }
  if (big) await analyzeImportTarget(db.kysely, input.kind).catch(() => undefined) // committed: only a plan hint
}

/** Rows the database refused at the apply become rejected rows, with their cells read again from the file. */
async function rejectRefusedRows(db: Database, run: ImportRun, refused: ReadonlyMap<number, string>): Promise<void> {
  const cells = await readSourceLines({ path: run.input.path, lines: new Set(refused.keys()), like: run.source })
  const rejections = [...refused].map(([line, message]) => ({
    file: run.input.fileName,
    line,
    ...refusalReason(message),
    cells: cells.get(line) ?? [],
  }))
  await copyRejections(db, run.id, rejections)
  await deleteStagedLines(db.kysely, run.stage, [...refused.keys()])
  run.counters.loaded -= refused.size
  run.counters.rejected += refused.size
  await updateImportProgress(db.kysely, run.id, { ...run.counters, bytesRead: run.source.bytesRead() })
}

/** The row's values passed our checks, but not the database's. */
function refusalReason(message: string): { reason: string; reasons: Reason[] } {
  return { reason: `the database refused the row: ${message}`, reasons: [reason('import.database_refused', { detail: message })] }
}

/** Streams the file through the checks into staging, chunk by chunk; rejections are recorded as found. */
async function loadRows(db: Database, { id, input, source, stage, counters, duplicates }: ImportRun): Promise<void> {
  const resolved = resolveMapping({ kind: input.kind, headers: source.headers, mapping: input.mapping })
  if (!resolved.ok) throw new DomainError('import_failed', resolved.message, resolved.reasons[0])
  const validate = compileRowValidator({
    kind: input.kind,
    columns: resolved.columns,
    headerCount: source.headers.length,
    references: indexImportReferences(await loadImportCatalogues(db.kysely)),
    defaultConsentSource: `import #${id}`,
    today: input.today,
    timeZone: await readBankTimeZone(db.kysely),
  })
  const stageColumns = importStageColumns(input.kind)
  await createStage(db.kysely, { name: stage, columns: stageColumns })
  await updateImportProgress(db.kysely, id, {
    ...counters,
    bytesRead: source.bytesRead(),
    bytesTotal: source.bytesTotal,
    encoding: source.encoding(),
    delimiter: source.delimiter,
    files: { [input.fileName]: { headers: source.headers, loaded: 0, rejected: 0 } },
  })

  const seen = new FirstLines()
  let checked: CheckedRow[] = []
  let rejected: NewRejection[] = []
  // Characters of the rows held: a chunk also ends there, so that 5,000 rows of a megabyte each
  // (the longest record) never sit in memory at once.
  let chars = 0
  let inflight: Promise<void> = Promise.resolve()
  const flush = async (rows: CheckedRow[], rejections: NewRejection[]) => {
    const chunk = await resolveImportChunk(db, { kind: input.kind, rows, columns: resolved.columns, file: input.fileName, program: input.resolvedProgram })
    const refused = await copyStageRows(db, { stage, columns: stageColumns.map((c) => c.name), rows: chunk.staged })
    const refusedRows = refused.map(({ row, message }) => ({ file: input.fileName, line: row.line, ...refusalReason(message), cells: row.cells }))
    const all = [...rejections, ...chunk.rejected, ...refusedRows].sort((a, b) => a.line - b.line)
    if (duplicates) {
      const rejectedLines = new Set([...chunk.rejected, ...refusedRows].map((r) => r.line))
      await duplicates.check(db, rows.filter((r) => !rejectedLines.has(r.line)))
    }
    await copyRejections(db, id, all)
    counters.loaded += chunk.staged.length - refused.length
    counters.rejected += all.length
    const progress = { ...counters, bytesRead: source.bytesRead(), bytesTotal: source.bytesTotal }
    await updateImportProgress(db.kysely, id, progress)
    input.onProgress?.(progress)
  }
  const check = (row: SourceRow) => {
    counters.rowsRead++
    chars += row.cells.length // an empty cell still takes memory
    for (const cell of row.cells) chars += cell.length
    const result = checkRow(row, validate(row.cells), { source, seen, kind: input.kind })
    if ('reason' in result) rejected.push({ file: input.fileName, line: row.line, reason: result.reason, reasons: result.reasons, cells: row.cells })
    else checked.push(result)
  }
  try {
    for await (const batch of source.batches()) {
      for (const row of batch) check(row)
      if (checked.length + rejected.length < CHUNK_ROWS && chars < IMPORT_LIMITS.chunkChars) continue
      // Parse the next chunk while this one is written; one chunk in flight at a time.
      await inflight
      inflight = flush(checked, rejected)
      inflight.catch(() => undefined) // awaited below; this only stops an "unhandled rejection" meanwhile
      checked = []
      rejected = []
      chars = 0
    }
  } catch (error) {
    await inflight.catch(() => undefined) // let the chunk being written finish before the import is failed
    throw error
  }
  await inflight
  await flush(checked, rejected)
}

type CheckRowContext = { source: ImportSource; seen: FirstLines; kind: ImportKind }

type RowRefusal = { reason: string; reasons: AnyReason[] }

function checkRow(row: SourceRow, result: RowResult, { seen, kind }: CheckRowContext): CheckedRow | RowRefusal {
  if (row.problem) return { reason: row.problem.message, reasons: [row.problem.details] } // the reader's: bytes that do not decode, a stray quote
  const key = result.key
  const first = key === undefined ? undefined : seen.seen(key, row.line)
  if (!result.ok) return { reason: result.reason, reasons: result.reasons }
  if (first !== undefined) {
    const described = describeKey(kind, key!)
    return { reason: `duplicate: ${described} already appears on line ${first} of this file`, reasons: [reason('import.duplicate_row', { key: described, firstLine: first })] }
  }
  return { line: row.line, cells: row.cells, values: result.values, blankForNew: result.blankForNew, missingForNew: result.missingForNew }
}

function describeKey(kind: ImportKind, key: string): string {
  const parts = key.split('\u0001')
  return KEY_FIELDS[kind].map((name, i) => `${name} ${JSON.stringify(parts[i])}`).join(', ')
}

/** The failure as a reason code for the history in the reader's language. */
function failureReason(error: unknown): AnyReason {
  return reasonOf((error as DomainError).details) ?? reason('import.failed', { detail: (error as Error).message })
}

function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  return `the import failed and nothing was changed: ${(error as Error).message}`
}
