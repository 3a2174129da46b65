import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import { IMPORT_KINDS, type ImportKind } from '../../core/import/import-kinds.ts'
import { suggestMapping } from '../../core/import/suggest-mapping.ts'
import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { openImportSource } from './open-import-source.ts'
import { resolveImportProgram } from './resolve-import-program.ts'

export type ImportPreview = {
  kind: ImportKind
  encoding: string | null
  delimiter: string | null
  headers: string[]
  rows: string[][]
  suggestedMapping: Record<string, string>
}

const PREVIEW_ROWS = 5

/**
 * The first rows of a file and the mapping Otklik would use, for the user to check before the
 * import. Without a kind, the kind whose fields the header matches best (every required one first).
 */
export async function previewImportFile(
  db: Kysely<Schema>,
  input: { path: string; kind?: ImportKind; encoding?: string; program?: string },
): Promise<ImportPreview> {
  // A program named for the file is checked as the import will check it (an unknown one is a 404).
  if (input.program !== undefined) await resolveImportProgram(db, { kind: input.kind ?? 'responses', program: input.program })
  const source = await openImportSource({ path: input.path, encoding: input.encoding })
  try {
    const rows: string[][] = []
    for await (const batch of source.batches()) {
      rows.push(...batch.slice(0, PREVIEW_ROWS - rows.length).map((r) => r.cells))
      if (rows.length >= PREVIEW_ROWS) break
    }
    const kind = input.kind ?? guessKind(source.headers)
    return {
      kind,
      encoding: source.encoding(),
      delimiter: source.delimiter,
      headers: source.headers,
      rows,
      suggestedMapping: suggestMapping(kind, source.headers),
    }
  } finally {
    source.close()
  }
}

function guessKind(headers: readonly string[]): ImportKind {
  const score = (kind: ImportKind) => {
    const mapping = suggestMapping(kind, headers)
    const complete = IMPORT_FIELDS[kind].every((f) => !f.required || f.name in mapping)
    return (complete ? 1000 : 0) + Object.keys(mapping).length
  }
  return [...IMPORT_KINDS].sort((a, b) => score(b) - score(a))[0]
}
