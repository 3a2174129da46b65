import type { z } from 'zod'
import type {
  fieldsResponse, importDetail, importList, importRecord, importRejection, importStarted, previewResponse,
} from '../../../../src/contract/import-schemas.ts'

// The shapes of /api/imports come from the contract the routes validate with: the web declares none.
export { IMPORT_KINDS, type ImportKind } from '../../../../src/contract/import-kinds.ts'

export type ImportSummary = z.infer<typeof importRecord>
/** queued: waiting for the server's import worker; interrupted: the process running it stopped before it finished; nothing was loaded. */
export type ImportStatus = ImportSummary['status']

/** Queued or running: the page keeps polling it. */
export const isImportActive = (status: ImportStatus | undefined): boolean => status === 'queued' || status === 'running'
export type ImportRejection = z.infer<typeof importRejection>
export type ImportLikelyDuplicate = NonNullable<ImportSummary['likelyDuplicates']>['items'][number]
/** GET /api/imports/:id */
export type ImportJob = z.infer<typeof importDetail>
export type ImportList = z.infer<typeof importList>
/** POST /api/imports */
export type ImportStarted = z.infer<typeof importStarted>
/** GET /api/imports/fields */
export type ImportFieldsAnswer = z.infer<typeof fieldsResponse>
/** `requiredForNew`: needed to create a record, not to update one found by its key. */
export type ImportField = ImportFieldsAnswer['fields'][number]
/** POST /api/imports/preview; `encoding` is null for XLSX. */
export type ImportPreview = z.infer<typeof previewResponse>

/** The encodings a user may force when detection guesses wrong; '' lets the server detect. */
export const IMPORT_ENCODINGS = ['', 'utf-8', 'windows-1251'] as const
