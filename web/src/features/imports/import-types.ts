export const IMPORT_KINDS = ['clients', 'holdings', 'activity', 'consents'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export type ImportStatus = 'running' | 'done' | 'failed'

export type ImportField = { name: string; required: boolean; description: string }

/** POST /api/imports/preview */
export type ImportPreview = {
  encoding: string
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
}

/** GET /api/imports/:id */
export type ImportJob = ImportSummary & { rejections: ImportRejection[] }
