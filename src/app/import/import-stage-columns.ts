import type { CellType } from '../../core/import/import-field.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { StageColumn } from '../../db/stores/import-stage-store.ts'

const SQL_TYPES: Record<CellType, StageColumn['type']> = {
  key: 'text',
  text: 'text',
  date: 'date',
  month: 'date',
  timestamp: 'timestamptz',
  money: 'numeric',
  count: 'integer',
  boolean: 'boolean',
  grant: 'boolean',
  phone: 'text',
  email: 'text',
  gender: 'text',
  segment: 'text',
  client_status: 'text',
  channel: 'text',
  response_type: 'text',
  branch: 'integer',
  region: 'text',
  product: 'text',
  manager: 'integer',
  utc_offset: 'integer',
  duration: 'integer',
  call_reason: 'text',
  call_outcome: 'text',
  call_direction: 'text',
}

/** What identifies the record a staged row updates (NULL or false: the row creates a record). */
const RECORD_COLUMNS: Record<ImportKind, StageColumn[]> = {
  clients: [{ name: 'client_id', type: 'bigint' }],
  holdings: [{ name: 'client_id', type: 'bigint' }, { name: 'holding_id', type: 'bigint' }],
  activity: [{ name: 'client_id', type: 'bigint' }, { name: 'existing', type: 'boolean' }],
  consents: [{ name: 'client_id', type: 'bigint' }],
  // The code as stored, when the file's code names a region that exists (codes match in any case).
  regions: [{ name: 'stored_code', type: 'text' }],
  branches: [{ name: 'branch_id', type: 'integer' }],
  // The wave the response is attributed to (app/import/resolve-import-chunk.ts); the program and
  // who loaded it are the import's own (imports.program_id, user_id).
  responses: [{ name: 'client_id', type: 'bigint' }, { name: 'wave_id', type: 'integer' }],
  // The client whose phone it is (app/import/resolve-call-chunk.ts); a call is inserted or, by its
  // client and start time, updated.
  calls: [{ name: 'client_id', type: 'bigint' }],
}

/** The staging table of a kind: the row's line, the record it updates, then every field. */
export function importStageColumns(kind: ImportKind): StageColumn[] {
  return [
    { name: 'line', type: 'integer' },
    ...RECORD_COLUMNS[kind],
    ...IMPORT_FIELDS[kind].map((field) => ({ name: field.column, type: SQL_TYPES[field.type] })),
  ]
}

const NEEDS_QUOTES = /[",\r\n]/

/** One staging row as a line of COPY CSV: NULL is an empty unquoted field. */
export function stageLine(prefix: readonly (number | string)[], values: readonly (string | null)[]): string {
  let line = prefix.join(',')
  for (const value of values) {
    line += ','
    if (value === null) continue
    line += NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
  }
  return `${line}\n`
}
