import type { ImportKind } from '../../../../src/core/import/import-kinds.ts'

export { IMPORT_KINDS, type ImportKind } from '../../../../src/core/import/import-kinds.ts'
export type ImportStatus = 'running' | 'done' | 'failed'

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
}

/** GET /api/imports/:id */
export type ImportJob = ImportSummary & { rejections: ImportRejection[] }
