import type { ImportKind } from '../../../../src/core/import/import-kinds.ts'

export { IMPORT_KINDS, type ImportKind } from '../../../../src/core/import/import-kinds.ts'
/** interrupted: the process running it stopped before it finished; nothing was loaded. */
export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted'

/** `requiredForNew`: needed to create a record, not to update one found by its key. */
export type ImportField = { name: string; required: boolean; requiredForNew: boolean; description: string }

/** The encodings a user may force when detection guesses wrong; '' lets the server detect. */
export const IMPORT_ENCODINGS = ['', 'utf-8', 'windows-1251'] as const

/** POST /api/imports/preview */
export type ImportPreview = {
  kind: ImportKind
  /** null for XLSX. */
  encoding: string | null
  delimiter: string | null
  headers: string[]
  rows: string[][]
  suggestedMapping: Record<string, string>
}

export type ImportRejection = { line: number; file: string | null; reason: string }

export type ImportSummary = {
  id: number
  kind: ImportKind
  fileName: string
  login: string | null
  dryRun: boolean
  status: ImportStatus
  rowsRead: number
  loaded: number
  rejected: number
  error: string | null
  startedAt: string
  finishedAt: string | null
  /** The share of the file read, 0–1; null while the size is unknown. */
  progress: number | null
  /** The process that ran it ("pid 4242 on host-1"), and when it last reported progress. */
  owner: string | null
  heartbeatAt: string | null
  /** Applies run one at a time: the wait, and rows another import had created meanwhile (updated, not created). */
  apply: { serialised: true; waitedMs: number; updatedInstead: number } | null
  /** Rows that look like a client under another bank id: the same full name, birth date and phone. */
  likelyDuplicates: { count: number; items: ImportLikelyDuplicate[] } | null
}

export type ImportLikelyDuplicate = { line: number; bankId: string; sameAs: { line: number } | { bankId: string } }

/** GET /api/imports/:id */
export type ImportJob = ImportSummary & { rejections: ImportRejection[] }
