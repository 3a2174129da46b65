import { DomainError } from '../../core/domain-error.ts'
import { compileRowValidator, type RowResult } from '../../core/import/compile-row-validator.ts'
import { FirstLines } from '../../core/import/first-lines.ts'
import { KEY_FIELDS } from '../../core/import/import-fields.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import { resolveMapping } from '../../core/import/resolve-mapping.ts'
import type { Database } from '../../db/open-database.ts'
import { applyImportStage } from '../../db/stores/apply-import-stage.ts'
import { loadImportReferences } from '../../db/stores/import-reference-store.ts'
import { analyzeImportTarget, analyzeStage, createStage, dropStage, stageTableName } from '../../db/stores/import-stage-store.ts'
import {
  copyRejections,
  finishImport,
  insertImport,
  updateImportProgress,
  type NewRejection,
} from '../../db/stores/import-store.ts'
import type { ImportSource, SourceRow } from './import-source.ts'
import { importStageColumns } from './import-stage-columns.ts'
import { openImportSource } from './open-import-source.ts'
import { resolveImportChunk, type CheckedRow } from './resolve-import-chunk.ts'

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
  user: ImportUser
  onProgress?: (progress: ImportProgressReport) => void
}

export type ImportOutcome = {
  id: number
  status: 'done' | 'failed'
  error: string | null
  rowsRead: number
  loaded: number
  rejected: number
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
  const id = await insertImport(db.kysely, {
    kind: input.kind,
    fileName: input.fileName,
    userId: input.user.id,
    login: input.user.login,
    dryRun: input.dryRun,
  })
  return { id, done: executeImport(db, id, input) }
}

export async function runImport(db: Database, input: RunImportInput): Promise<ImportOutcome> {
  const { done } = await startImport(db, input)
  return done
}

type Counters = { rowsRead: number; loaded: number; rejected: number }

async function executeImport(db: Database, id: number, input: RunImportInput): Promise<ImportOutcome> {
  const counters: Counters = { rowsRead: 0, loaded: 0, rejected: 0 }
  const stage = input.dryRun ? undefined : stageTableName(id)
  let source: ImportSource | undefined
  try {
    source = await openImportSource({ path: input.path, encoding: input.encoding })
    await loadRows(db, { id, input, source, stage, counters })
    const files = { [input.fileName]: { headers: source.headers, loaded: counters.loaded, rejected: counters.rejected } }
    // The encoding again: it is decided by the first non-ASCII byte, which may come late in the file.
    const outcome = { ...counters, bytesRead: source.bytesRead(), encoding: source.encoding(), status: 'done' as const, error: null, files }
    if (stage) {
      // Statistics for the apply's plan; the target's may lag behind a big earlier load (PGlite
      // has no autovacuum), and after this one they would.
      const big = counters.loaded >= ANALYZE_TARGET_ROWS
      await analyzeStage(db.kysely, stage)
      if (big) await analyzeImportTarget(db.kysely, input.kind)
      // The one transaction of the import: everything staged becomes visible at once, or nothing.
      await db.kysely.transaction().execute(async (trx) => {
        await applyImportStage(trx, input.kind, stage)
        await finishImport(trx, id, outcome)
      })
      if (big) await analyzeImportTarget(db.kysely, input.kind).catch(() => undefined) // committed: only a plan hint
    } else {
      await finishImport(db.kysely, id, outcome)
    }
    return { id, status: 'done', error: null, ...counters }
  } catch (error) {
    const message = failureMessage(error)
    const failed = { ...counters, loaded: 0, bytesRead: source?.bytesRead() ?? 0, status: 'failed' as const, error: message }
    // Never throws: the API runs imports in the background, where nobody would catch it.
    await finishImport(db.kysely, id, failed).catch(() => undefined)
    return { id, status: 'failed', error: message, ...counters, loaded: 0 }
  } finally {
    source?.close()
    if (stage) await dropStage(db.kysely, stage).catch(() => undefined)
  }
}

type LoadRowsInput = { id: number; input: RunImportInput; source: ImportSource; stage: string | undefined; counters: Counters }

/** Streams the file through the checks into staging, chunk by chunk; rejections are recorded as found. */
async function loadRows(db: Database, { id, input, source, stage, counters }: LoadRowsInput): Promise<void> {
  const resolved = resolveMapping({ kind: input.kind, headers: source.headers, mapping: input.mapping })
  if (!resolved.ok) throw new DomainError('import_failed', resolved.message)
  const validate = compileRowValidator({
    kind: input.kind,
    columns: resolved.columns,
    headerCount: source.headers.length,
    references: await loadImportReferences(db.kysely),
    defaultConsentSource: `import #${id}`,
  })
  if (stage) await createStage(db.kysely, { name: stage, columns: importStageColumns(input.kind) })
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
  let inflight: Promise<void> = Promise.resolve()
  const flush = async (rows: CheckedRow[], rejections: NewRejection[]) => {
    const chunk = await resolveImportChunk(db, { kind: input.kind, rows, columns: resolved.columns, file: input.fileName })
    if (stage && chunk.staged > 0) await db.copyIn({ table: stage, columns: importStageColumns(input.kind).map((c) => c.name), chunks: [chunk.stageText] })
    const all = [...rejections, ...chunk.rejected].sort((a, b) => a.line - b.line)
    await copyRejections(db, id, all)
    counters.loaded += chunk.staged
    counters.rejected += all.length
    const progress = { ...counters, bytesRead: source.bytesRead(), bytesTotal: source.bytesTotal }
    await updateImportProgress(db.kysely, id, progress)
    input.onProgress?.(progress)
  }
  const check = (row: SourceRow) => {
    counters.rowsRead++
    const result = checkRow(row, validate(row.cells), { source, seen, kind: input.kind })
    if ('reason' in result) rejected.push({ file: input.fileName, line: row.line, reason: result.reason, cells: row.cells })
    else checked.push(result)
  }
  try {
    for await (const batch of source.batches()) {
      for (const row of batch) check(row)
      if (checked.length + rejected.length < CHUNK_ROWS) continue
      // Parse the next chunk while this one is written; one chunk in flight at a time.
      await inflight
      inflight = flush(checked, rejected)
      inflight.catch(() => undefined) // awaited below; this only stops an "unhandled rejection" meanwhile
      checked = []
      rejected = []
    }
  } catch (error) {
    await inflight.catch(() => undefined) // let the chunk being written finish before the import is failed
    throw error
  }
  await inflight
  await flush(checked, rejected)
}

type CheckRowContext = { source: ImportSource; seen: FirstLines; kind: ImportKind }

function checkRow(row: SourceRow, result: RowResult, { source, seen, kind }: CheckRowContext): CheckedRow | { reason: string } {
  if (source.invalidBytes() && row.cells.some((cell) => cell.includes('\ufffd'))) {
    return { reason: `the row holds bytes that are not valid ${source.encoding()} (does the file mix encodings?)` }
  }
  const key = result.key
  const first = key === undefined ? undefined : seen.seen(key, row.line)
  if (!result.ok) return { reason: result.reason }
  if (first !== undefined) return { reason: `duplicate: ${describeKey(kind, key!)} already appears on line ${first} of this file` }
  return { line: row.line, cells: row.cells, values: result.values, blankForNew: result.blankForNew }
}

function describeKey(kind: ImportKind, key: string): string {
  const parts = key.split('\u0001')
  return KEY_FIELDS[kind].map((name, i) => `${name} ${JSON.stringify(parts[i])}`).join(', ')
}

function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  return `the import failed and nothing was changed: ${(error as Error).message}`
}
