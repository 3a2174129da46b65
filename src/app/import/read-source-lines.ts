import type { ImportSource } from './import-source.ts'
import { openImportSource } from './open-import-source.ts'

export type ReadSourceLinesInput = { path: string; lines: ReadonlySet<number>; like: ImportSource }

/**
 * The cells of some lines of a file, read again the way it was read the first time (its encoding
 * and delimiter). Rare: only for rows the database refused at the apply, whose cells were not kept.
 */
export async function readSourceLines({ path, lines, like }: ReadSourceLinesInput): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>()
  const source = await openImportSource({ path, encoding: like.encoding() ?? undefined, delimiter: like.delimiter ?? undefined })
  try {
    for await (const batch of source.batches()) {
      for (const row of batch) if (lines.has(row.line)) found.set(row.line, row.cells)
      if (found.size === lines.size) break
    }
  } finally {
    source.close()
  }
  return found
}
