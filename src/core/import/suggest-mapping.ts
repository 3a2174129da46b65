import { IMPORT_FIELDS } from './import-fields.ts'
import type { ImportKind } from './import-kinds.ts'
import { normalizeHeader } from './normalize-header.ts'

/**
 * The mapping (field → header) guessed from the file's header: each field takes the first header
 * that matches one of its synonyms, and each header serves one field at most.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Record<string, string> {
  const normalized = headers.map(normalizeHeader)
  const used = new Set<number>()
  const mapping: Record<string, string> = {}
  for (const field of IMPORT_FIELDS[kind]) {
    const synonyms = new Set([field.name, ...field.headers].map(normalizeHeader))
    const index = normalized.findIndex((header, i) => !used.has(i) && header !== '' && synonyms.has(header))
    if (index < 0) continue
    used.add(index)
    mapping[field.name] = headers[index]
  }
  return mapping
}
