import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { mayImportKind } from '../../contract/import-kind-roles.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertQueuedImport } from '../../db/stores/import-store.ts'
import type { ImportUser } from './run-import.ts'
import { resolveImportProgram } from './resolve-import-program.ts'

export type ImportUploadInput = {
  user: ImportUser & { role: Role }
  kind: ImportKind
  /** The program's code, for an import of responses. */
  program?: string
  dryRun: boolean
  mapping?: Record<string, string>
  encoding?: string
  /**
   * The uploaded file, kept in its own directory under the server's upload folder (it survives a
   * restart); the job removes the directory once the import has finished.
   */
  upload: { path: string; dir: string; fileName: string; remove(): Promise<void> }
  /** Today (YYYY-MM-DD): the import's day in the bank's calendar, kept for a run started over. */
  today: string
  /** Sends the import's job (jobs/start-workers.ts); the import's row is its state. */
  enqueue: (importId: number) => Promise<void>
}

/**
 * Records an import of an uploaded file as queued and sends its job; returns its id at once. A
 * worker runs it (run-import-job.ts) and the import's history row shows its progress. Audited as
 * `import.create`. Refusals (role, program) come before anything is recorded.
 */
export async function importUpload(db: Database, input: ImportUploadInput): Promise<{ id: number }> {
  const { upload } = input
  let id: number
  try {
    if (!mayImportKind(input.user.role, input.kind)) {
      throw new DomainError('forbidden', `The role ${input.user.role} may not import ${input.kind}`, reason('import.kind_forbidden', { role: input.user.role, kind: input.kind }))
    }
    const program = await resolveImportProgram(db.kysely, input)
    id = await insertQueuedImport(db.kysely, {
      kind: input.kind,
      programId: program?.id ?? null,
      fileName: upload.fileName,
      userId: input.user.id,
      login: input.user.login,
      dryRun: input.dryRun,
      jobInput: {
        path: upload.path, uploadDir: upload.dir, mapping: input.mapping, encoding: input.encoding, program: program?.code,
        today: input.today, resumable: true,
      },
    })
  } catch (error) {
    await upload.remove()
    throw error
  }
  await appendAuditEvent(db.kysely, {
    userId: input.user.id,
    login: input.user.login,
    action: 'import.create',
    entity: 'import',
    entityId: String(id),
    details: { kind: input.kind, fileName: upload.fileName, dryRun: input.dryRun, ...(input.program && { program: input.program }) },
  })
  // The row is queued before the job is sent: a job lost between the two (a crash) is sent again at
  // the next start (resume-import-jobs.ts), never the other way round.
  await input.enqueue(id)
  return { id }
}
