import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { ImportField } from './import-field.ts'
import { IMPORT_FIELDS } from './import-fields.ts'
import type { ImportKind } from './import-kinds.ts'
import { normalizeHeader } from './normalize-header.ts'
import { suggestMapping } from './suggest-mapping.ts'

export type ResolvedColumn = { field: ImportField; index: number; header: string }

export type ResolveMappingInput = {
  kind: ImportKind
  headers: readonly string[]
  /** field → header; when absent, the suggested mapping. */
  mapping?: Readonly<Record<string, string>>
}

export type ResolveMappingResult = { ok: true; columns: ResolvedColumn[] } | { ok: false; message: string; reasons: Reason[] }

/** Ties each mapped field to its column, or says why the file cannot be imported at all. */
export function resolveMapping({ kind, headers, mapping }: ResolveMappingInput): ResolveMappingResult {
  const fields = IMPORT_FIELDS[kind]
  const chosen = mapping ?? suggestMapping(kind, headers)
  const problems: string[] = []
  const reasons: Reason[] = []
  const columns: ResolvedColumn[] = []
  for (const [name, header] of Object.entries(chosen)) {
    const field = fields.find((f) => f.name === name)
    if (!field) {
      problems.push(`the mapping names an unknown field "${name}" (${kind} fields: ${fields.map((f) => f.name).join(', ')})`)
      reasons.push(reason('import.unknown_mapping_field', { field: name }))
      continue
    }
    const index = findHeader(headers, header)
    if (index < 0) {
      problems.push(`the mapping's column "${header}" for ${name} is not in the file`)
      reasons.push(reason('import.mapping_column_missing', { field: name, column: header }))
    } else columns.push({ field, index, header: headers[index] })
  }
  const missing = fields.filter((f) => f.required && !columns.some((c) => c.field === f))
  if (missing.length > 0) {
    const expected = missing.map((f) => `${f.name} (a header such as ${f.headers.slice(0, 3).map((h) => `"${h}"`).join(', ')})`)
    problems.push(`missing required columns: ${expected.join('; ')}`)
    reasons.push(reason('import.missing_columns', { fields: missing.map((f) => f.name).join(', ') }))
  }
  if (problems.length > 0) {
    return { ok: false, message: `${problems.join('; ')}. The file's columns: ${headers.map((h) => `"${h}"`).join(', ') || 'none'}`, reasons }
  }
  columns.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field))
  return { ok: true, columns }
}

function findHeader(headers: readonly string[], wanted: string): number {
  const exact = headers.findIndex((h) => h === wanted)
  if (exact >= 0) return exact
  const normalized = normalizeHeader(wanted)
  return normalized === '' ? -1 : headers.findIndex((h) => normalizeHeader(h) === normalized)
}
