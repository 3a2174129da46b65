import { sql, type Kysely, type Selectable } from 'kysely'
import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import type { Database } from '../open-database.ts'
import type { ImportApplyDetails, ImportFileDetails, ImportJobInput, ImportLikelyDuplicates, ImportTable, Schema } from '../schema.ts'

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted'

export type ImportRecord = {
  id: number
  kind: string
  /** The code of the program an import of responses was for. */
  program: string | null
  fileName: string
  login: string | null
  dryRun: boolean
  status: ImportStatus
  rowsRead: number
  loaded: number
  rejected: number
  error: string | null
  /** The failure as a reason code with parameters, for the reader's language (null: see `error`). */
  errorReason: AnyReason | null
  startedAt: string
  finishedAt: string | null
  encoding: string | null
  delimiter: string | null
  bytesRead: number
  bytesTotal: number | null
  files: Record<string, ImportFileDetails>
  /** The process that ran it, and when it last reported progress. */
  owner: string | null
  heartbeatAt: string | null
  apply: ImportApplyDetails | null
  likelyDuplicates: ImportLikelyDuplicates | null
  /** How many times it was started (more than 1: started over after a restart). */
  attempts: number
}

/** `reason` is English; `reasons` the same as codes with parameters (null for rows stored before them). */
export type Rejection = { id: number; file: string | null; line: number; reason: string; reasons: AnyReason[] | null; cells: string[] }

export type NewImport = {
  kind: string
  fileName: string
  userId: number | null
  login: string | null
  dryRun: boolean
  owner?: string
  /** The program of an import of responses. */
  programId?: number | null
}

export async function insertImport(db: Kysely<Schema>, input: NewImport): Promise<number> {
  const row = await insertImportQuery(db, input).executeTakeFirstOrThrow()
  return row.id
}

/** The INSERT of a new import, to run on a connection of one's own (import-liveness-store.ts). */
export function insertImportQuery(db: Kysely<Schema>, input: NewImport) {
  return db
    .insertInto('imports')
    .values({
      kind: input.kind, file_name: input.fileName, user_id: input.userId, login: input.login, dry_run: input.dryRun,
      owner: input.owner ?? null, heartbeat_at: sql<Date>`now()`, program_id: input.programId ?? null,
    })
    .returning('id')
}

/** Records an import a worker will run (status queued, no owner yet). */
export async function insertQueuedImport(db: Kysely<Schema>, input: NewImport & { jobInput: ImportJobInput }): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      kind: input.kind, file_name: input.fileName, user_id: input.userId, login: input.login, dry_run: input.dryRun,
      program_id: input.programId ?? null, status: 'queued', job_input: JSON.stringify(input.jobInput),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type ImportJob = { id: number; kind: string; status: ImportStatus; fileName: string; userId: number | null; login: string | null; dryRun: boolean; attempts: number; jobInput: ImportJobInput | null }

export async function findImportJob(db: Kysely<Schema>, id: number): Promise<ImportJob | undefined> {
  const row = await db
    .selectFrom('imports')
    .select(['id', 'kind', 'status', 'file_name', 'user_id', 'login', 'dry_run', 'attempts', 'job_input'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id, kind: row.kind, status: row.status as ImportStatus, fileName: row.file_name, userId: row.user_id, login: row.login,
    dryRun: row.dry_run, attempts: row.attempts, jobInput: row.job_input,
  }
}

/**
 * Takes a queued or interrupted import to run it, from the start: its counts and the rejections of
 * an earlier attempt are cleared (that attempt loaded nothing — the apply is one transaction).
 * Returns the UPDATE and DELETE to run in one transaction (import-liveness-store.ts claimLiveImport).
 */
export function claimImportQueries(db: Kysely<Schema>, input: { id: number; owner: string }) {
  const claim = db
    .updateTable('imports')
    .set({
      status: 'running', owner: input.owner, heartbeat_at: sql<Date>`now()`,
      attempts: sql<number>`CASE WHEN status = 'queued' THEN attempts ELSE attempts + 1 END`,
      rows_read: 0, loaded: 0, rejected: 0, bytes_read: 0, error: null, error_reason: null, finished_at: null, apply_details: null, likely_duplicates: null,
    })
    .where('id', '=', input.id)
    .where('status', 'in', ['queued', 'interrupted'])
    .returning('id')
  const clear = db.deleteFrom('import_rejections').where('import_id', '=', input.id)
  return { claim, clear }
}

/** Uploaded imports waiting for a worker or cut by a restart, started fewer than `maxAttempts` times. */
export async function listResumableImports(db: Kysely<Schema>, maxAttempts: number): Promise<number[]> {
  const rows = await db
    .selectFrom('imports')
    .select('id')
    .where('status', 'in', ['queued', 'interrupted'])
    .where(sql<boolean>`(job_input->>'resumable')::boolean IS TRUE`)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb('attempts', '<', maxAttempts)]))
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

export type ImportProgress = {
  rowsRead: number
  loaded: number
  rejected: number
  bytesRead: number
  bytesTotal?: number | null
  encoding?: string | null
  delimiter?: string | null
  files?: Record<string, ImportFileDetails>
  likelyDuplicates?: ImportLikelyDuplicates
}

export async function updateImportProgress(db: Kysely<Schema>, id: number, progress: ImportProgress): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      rows_read: progress.rowsRead,
      loaded: progress.loaded,
      rejected: progress.rejected,
      bytes_read: progress.bytesRead,
      ...(progress.bytesTotal !== undefined && { bytes_total: progress.bytesTotal }),
      ...(progress.encoding !== undefined && { encoding: progress.encoding }),
      ...(progress.delimiter !== undefined && { delimiter: progress.delimiter }),
      ...(progress.files !== undefined && { files: JSON.stringify(progress.files) }),
      ...(progress.likelyDuplicates !== undefined && { likely_duplicates: JSON.stringify(progress.likelyDuplicates) }),
      heartbeat_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute()
}

export async function finishImport(
  db: Kysely<Schema>,
  id: number,
  outcome: ImportProgress & { status: 'done' | 'failed'; error: string | null; apply?: ImportApplyDetails; errorReason?: AnyReason | null },
): Promise<void> {
  await updateImportProgress(db, id, outcome)
  await db
    .updateTable('imports')
    .set({
      status: outcome.status, error: outcome.error, finished_at: sql<Date>`now()`,
      error_reason: outcome.errorReason ? JSON.stringify(outcome.errorReason) : null,
      ...(outcome.apply !== undefined && { apply_details: JSON.stringify(outcome.apply) }),
    })
    .where('id', '=', id)
    .execute()
}

/** The ids of the imports still marked running. */
export async function listRunningImports(db: Kysely<Schema>): Promise<number[]> {
  const rows = await db.selectFrom('imports').select('id').where('status', '=', 'running').orderBy('id').execute()
  return rows.map((r) => r.id)
}

/**
 * Marks imports whose process stopped (crash, kill, restart) as interrupted. Nothing of them was
 * loaded (the apply is one transaction), so loaded is 0 whatever progress said; the rows read and
 * the rejections found stay, as they were.
 */
export async function markImportsInterrupted(db: Kysely<Schema>, input: { ids: readonly number[]; at: Date }): Promise<number> {
  if (input.ids.length === 0) return 0
  const result = await db
    .updateTable('imports')
    .set({
      status: 'interrupted',
      loaded: 0,
      error: sql<string>`'interrupted: ' || coalesce('the process that ran it (' || owner || ')', 'Otklik') || ' stopped before it finished; nothing was loaded'`,
      finished_at: input.at,
      error_reason: JSON.stringify(reason('import.interrupted')),
    })
    .where('status', '=', 'running')
    .where('id', 'in', [...input.ids])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Inside the apply's transaction: locks the import's row and says whether it is still running (a
 * run another process took for dead and marked interrupted must not load anything now).
 */
export async function lockRunningImport(db: Kysely<Schema>, id: number): Promise<boolean> {
  const row = await db.selectFrom('imports').select('status').where('id', '=', id).forUpdate().executeTakeFirst()
  return row?.status === 'running'
}

export async function findImport(db: Kysely<Schema>, id: number): Promise<ImportRecord | undefined> {
  const row = await importRows(db).where('id', '=', id).executeTakeFirst()
  return row && toRecord(row)
}

export async function listImports(
  db: Kysely<Schema>,
  page: { limit: number; offset: number; kinds?: 'all' | readonly string[] },
): Promise<{ total: number; items: ImportRecord[] }> {
  const kinds = page.kinds ?? 'all'
  if (kinds !== 'all' && kinds.length === 0) return { total: 0, items: [] }
  let counted = db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('total'))
  if (kinds !== 'all') counted = counted.where('kind', 'in', kinds)
  const [{ total }] = await counted.execute()
  let listed = importRows(db)
  if (kinds !== 'all') listed = listed.where('kind', 'in', kinds)
  const rows = await listed
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { total: Number(total), items: rows.map(toRecord) }
}

/** Rejections in the order they were found, after the id given (keyset paging for big downloads). */
export async function listRejections(
  db: Kysely<Schema>,
  input: { importId: number; afterId?: number; limit: number; file?: string },
): Promise<Rejection[]> {
  let query = db
    .selectFrom('import_rejections')
    .select(['id', 'file', 'line', 'reason', 'reasons', 'cells'])
    .where('import_id', '=', input.importId)
    .where('id', '>', input.afterId ?? 0)
  if (input.file !== undefined) query = query.where('file', '=', input.file)
  const rows = await query.orderBy('id').limit(input.limit).execute()
  return rows.map((r) => ({
    id: r.id, file: r.file, line: r.line, reason: r.reason, reasons: (r.reasons as AnyReason[] | null) ?? null, cells: (r.cells as string[] | null) ?? [],
  }))
}

export type NewRejection = { file: string; line: number; reason: string; reasons?: readonly AnyReason[]; cells: readonly string[] }

/** Appends rejections with COPY: a file of garbage may reject a million rows. */
export async function copyRejections(db: Database, importId: number, rejections: readonly NewRejection[]): Promise<void> {
  if (rejections.length === 0) return
  const lines = rejections.map((r) => {
    const reasons = r.reasons ? csvField(reasonsJson(r.reasons)) : ''
    return `${importId},${csvField(r.file)},${r.line},${csvField(r.reason)},${csvField(cellsJson(r.cells))},${reasons}\n`
  })
  await db.copyIn({ table: 'import_rejections', columns: ['import_id', 'file', 'line', 'reason', 'cells', 'reasons'], chunks: [lines.join('')] })
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** jsonb refuses NUL and lone surrogates: a garbage row must still be storable as a rejection. */
export function cellsJson(cells: readonly string[]): string {
  return JSON.stringify(cells.map(storable))
}

function storable(text: string): string {
  return text.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd')
}

/** Reason parameters quote the file's own cells: the same care as for the cells. */
function reasonsJson(reasons: readonly AnyReason[]): string {
  return JSON.stringify(reasons, (_, value) => (typeof value === 'string' ? storable(value) : value))
}

function csvField(text: string): string {
  return `"${text.replaceAll('\u0000', '\ufffd').replaceAll('"', '""')}"`
}

function importRows(db: Kysely<Schema>) {
  return db
    .selectFrom('imports')
    .selectAll()
    .select((eb) => eb.selectFrom('programs').select('programs.code').whereRef('programs.id', '=', 'imports.program_id').as('program_code'))
}

function toRecord(row: Selectable<ImportTable> & { program_code: string | null }): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    program: row.program_code,
    fileName: row.file_name,
    login: row.login,
    dryRun: row.dry_run,
    status: row.status as ImportStatus,
    rowsRead: row.rows_read,
    loaded: row.loaded,
    rejected: row.rejected,
    error: row.error,
    errorReason: (row.error_reason as AnyReason | null) ?? null,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    encoding: row.encoding,
    delimiter: row.delimiter,
    bytesRead: row.bytes_read,
    bytesTotal: row.bytes_total,
    files: row.files,
    owner: row.owner,
    heartbeatAt: row.heartbeat_at ? new Date(row.heartbeat_at).toISOString() : null,
    apply: row.apply_details,
    likelyDuplicates: row.likely_duplicates,
    attempts: row.attempts,
  }
}
