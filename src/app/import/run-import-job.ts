import { access, rm } from 'node:fs/promises'
import { reason } from '../../contract/reason-codes.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { Database } from '../../db/open-database.ts'
import { claimLiveImport } from '../../db/stores/import-liveness-store.ts'
import { findImportJob, finishImport, type ImportStatus } from '../../db/stores/import-store.ts'
import type { ImportJobInput } from '../../db/schema.ts'
import { importOwner } from './import-owner.ts'
import { recoverInterruptedImports } from './recover-interrupted-imports.ts'
import { resolveImportProgram } from './resolve-import-program.ts'
import { executeImport, type ImportOutcome, type ImportProgressReport } from './run-import.ts'

/**
 * An uploaded import is started at most this many times in all: a file that brings the server down
 * every time (memory) must not do it for ever; after that it stays interrupted, with its reason.
 */
export const IMPORT_ATTEMPTS = 3

export type RunImportJobInput = {
  importId: number
  now: Date
  onProgress?: (progress: ImportProgressReport) => void
}

export type ImportJobResult =
  | { ran: true; outcome: ImportOutcome & { kind: ImportKind; dryRun: boolean; login: string | null; attempt: number } }
  /** Nothing was done: the import is finished, or another worker runs it (a job delivered twice, a retry). */
  | { ran: false; status: ImportStatus | 'missing' }

/**
 * Runs a queued import for its job, or starts an interrupted one over from the beginning. Exactly
 * once lives in the import's row, not in the queue: the run is claimed (queued or interrupted →
 * running) in one transaction, so a job delivered twice or retried after its worker died finds the
 * import running or finished and does nothing; the apply commits the rows and `done` together, so
 * a file is never loaded twice and never half. On a server a run whose process died is first
 * marked interrupted (its liveness lock is free) and then taken over.
 */
export async function runImportJob(db: Database, input: RunImportJobInput): Promise<ImportJobResult> {
  let job = await findImportJob(db.kysely, input.importId)
  if (job?.status === 'running') {
    await recoverInterruptedImports(db, { now: input.now, atStart: false })
    job = await findImportJob(db.kysely, input.importId)
  }
  if (!job?.jobInput) return { ran: false, status: job?.status ?? 'missing' }
  if (job.status === 'interrupted' && job.attempts >= IMPORT_ATTEMPTS) return { ran: false, status: job.status }
  const liveness = await claimLiveImport(db, { id: job.id, owner: importOwner() })
  if (!liveness) return { ran: false, status: job.status }
  let outcome: ImportOutcome
  try {
    outcome = await runClaimed(db, { id: job.id, kind: job.kind as ImportKind, dryRun: job.dryRun, fileName: job.fileName, user: { id: job.userId, login: job.login }, jobInput: job.jobInput, onProgress: input.onProgress })
  } finally {
    await liveness.release()
  }
  // Finished (done or failed): the kept upload is no longer needed. An interrupted run keeps it.
  if (job.jobInput.uploadDir) await rm(job.jobInput.uploadDir, { recursive: true, force: true })
  return { ran: true, outcome: { ...outcome, kind: job.kind as ImportKind, dryRun: job.dryRun, login: job.login, attempt: job.status === 'queued' ? job.attempts : job.attempts + 1 } }
}

type ClaimedRun = {
  id: number
  kind: ImportKind
  dryRun: boolean
  fileName: string
  user: { id: number | null; login: string | null }
  jobInput: ImportJobInput
  onProgress?: (progress: ImportProgressReport) => void
}

async function runClaimed(db: Database, run: ClaimedRun): Promise<ImportOutcome> {
  const { jobInput } = run
  const missing = await access(jobInput.path).then(() => false, () => true)
  const failed = (error: string, errorReason: ImportOutcome['errorReason']) => ({ id: run.id, status: 'failed' as const, error, errorReason, rowsRead: 0, loaded: 0, rejected: 0 })
  if (missing) {
    const outcome = failed('the uploaded file is no longer on the server; nothing was loaded — upload it again', reason('import.upload_missing'))
    await finishImport(db.kysely, run.id, { ...outcome, bytesRead: 0 })
    return outcome
  }
  let program
  try {
    program = await resolveImportProgram(db.kysely, { kind: run.kind, program: jobInput.program })
  } catch (error) {
    // The program was removed while the import waited: a failure of the import, in its row.
    const outcome = failed((error as Error).message, reason('import.failed', { detail: (error as Error).message }))
    await finishImport(db.kysely, run.id, { ...outcome, bytesRead: 0 })
    return outcome
  }
  return executeImport(db, run.id, {
    kind: run.kind,
    path: jobInput.path,
    fileName: run.fileName,
    dryRun: run.dryRun,
    mapping: jobInput.mapping,
    encoding: jobInput.encoding,
    program: jobInput.program,
    user: run.user,
    today: jobInput.today,
    onProgress: run.onProgress,
    resolvedProgram: program,
  })
}
