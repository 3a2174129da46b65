import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { mayImportKind } from '../../contract/import-kind-roles.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { updateProfile } from '../selection/update-profile.ts'
import { startImport, type ImportOutcome, type ImportUser } from './run-import.ts'

export type ImportUploadInput = {
  user: ImportUser & { role: Role }
  kind: ImportKind
  /** The program's code, for an import of responses. */
  program?: string
  dryRun: boolean
  mapping?: Record<string, string>
  encoding?: string
  /** The uploaded file on disk, removed once the import has finished. */
  upload: { path: string; fileName: string; remove(): Promise<void> }
  /** Today (YYYY-MM-DD), for the selection profile updated after a successful import. */
  today: string
  /** Where a failure of the background work after the import goes (the import's own is in its row). */
  onBackgroundError: (error: unknown) => void
  /** Told once when the background import has finished: the job's one log line. */
  onFinished?: (outcome: ImportOutcome & { kind: ImportKind; dryRun: boolean; ms: number }) => void
}

/**
 * Starts an import of an uploaded file in the background (within this process) and returns its
 * id at once; the import's history row shows its progress. Audited as `import.create`. A
 * successful import that loaded rows updates the selection profile of the clients it touched
 * (in short batches), so that the next count sees them.
 */
export async function importUpload(db: Database, input: ImportUploadInput): Promise<{ id: number }> {
  const { upload } = input
  let started: Awaited<ReturnType<typeof startImport>>
  try {
    if (!mayImportKind(input.user.role, input.kind)) {
      throw new DomainError('forbidden', `The role ${input.user.role} may not import ${input.kind}`, reason('import.kind_forbidden', { role: input.user.role, kind: input.kind }))
    }
    started = await startImport(db, {
      kind: input.kind,
      path: upload.path,
      fileName: upload.fileName,
      dryRun: input.dryRun,
      mapping: input.mapping,
      encoding: input.encoding,
      program: input.program,
      user: { id: input.user.id, login: input.user.login },
      today: input.today,
    })
  } catch (error) {
    await upload.remove()
    throw error
  }
  const startedAt = performance.now()
  void started.done
    .then(async (outcome) => {
      input.onFinished?.({ ...outcome, kind: input.kind, dryRun: input.dryRun, ms: Math.round(performance.now() - startedAt) })
      await upload.remove()
      if (outcome.status === 'done' && !input.dryRun && outcome.loaded > 0) await updateProfile(db.kysely, { today: input.today })
    })
    .catch(input.onBackgroundError)
  await appendAuditEvent(db.kysely, {
    userId: input.user.id,
    login: input.user.login,
    action: 'import.create',
    entity: 'import',
    entityId: String(started.id),
    details: { kind: input.kind, fileName: upload.fileName, dryRun: input.dryRun, ...(input.program && { program: input.program }) },
  })
  return { id: started.id }
}
