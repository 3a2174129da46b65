import type { ImportField, ImportPreview } from './import-types.ts'

/**
 * The mapping shown first: the server's suggestion where it names a header of this file, else a
 * header spelled like the field. The user corrects the rest by hand.
 */
export function initialMapping(fields: ImportField[], preview: ImportPreview): Record<string, string> {
  const mapping: Record<string, string> = {}
  const byLowerName = new Map(preview.headers.map((header) => [header.trim().toLowerCase(), header]))
  for (const field of fields) {
    const suggested = preview.suggestedMapping[field.name]
    const header = suggested && preview.headers.includes(suggested) ? suggested : byLowerName.get(field.name.toLowerCase())
    if (header) mapping[field.name] = header
  }
  return mapping
}
