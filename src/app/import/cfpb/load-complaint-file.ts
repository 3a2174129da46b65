import { basename } from 'node:path'
import { COMPLAINT_FILE_FORMATS, COMPLAINT_FILE_KIND } from '../../../contract/import-kinds.ts'
import { reason } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../../core/domain-error.ts'
import type { Database } from '../../../db/open-database.ts'
import { recordAuditEvent } from '../../audit/record-audit-event.ts'
import type { ImportProgressReport, ImportUser } from '../run-import.ts'
import { importComplaintFile, type ComplaintFileOutcome } from './import-complaint-file.ts'

export type LoadComplaintFileInput = {
  path: string
  fileName: string
  /** The export's format as the user named it (`--format`, the page's form). */
  format: string
  dryRun: boolean
  user: ImportUser
  onProgress?: (progress: ImportProgressReport) => void
}

/**
 * A complaint file from the CLI or the page: the format checked, the import run, the audit event
 * recorded; a failed import is a DomainError naming why (nothing was stored).
 */
export async function loadComplaintFile(db: Database, input: LoadComplaintFileInput): Promise<ComplaintFileOutcome> {
  if (!(COMPLAINT_FILE_FORMATS as readonly string[]).includes(input.format)) {
    const known = COMPLAINT_FILE_FORMATS.join(', ')
    throw new DomainError('invalid_input', `unknown complaint file format "${input.format}"; known: ${known}`, reason('import.cfpb_unknown_format', { format: input.format, known }))
  }
  const outcome = await importComplaintFile(db, input)
  await recordAuditEvent(db.kysely, input.user, {
    action: 'import.create', entity: 'import', entityId: String(outcome.id),
    details: { kind: COMPLAINT_FILE_KIND, fileName: input.fileName, dryRun: input.dryRun, status: outcome.status, loaded: outcome.loaded, rejected: outcome.rejected },
  })
  if (outcome.status === 'failed') {
    throw new DomainError('import_failed', `${basename(input.fileName)}: ${outcome.error}`, outcome.errorReason ?? reason('import.failed', { detail: outcome.error ?? '' }))
  }
  return outcome
}
