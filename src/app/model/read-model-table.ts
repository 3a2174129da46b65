import type { ModelTable, ModelTableRow } from '../../core/model/model-table.ts'
import { openImportSource } from '../import/open-import-source.ts'

export type ReadModelTableInput = { path: string; encoding?: string; delimiter?: string }

/**
 * Reads a file of features and a label whole, through the imports' own reader: CSV in any
 * encoding and delimiter they take (guessed, or forced) with quoted fields, or an XLSX workbook's
 * first sheet. Blank rows are left out; a row the reader could not read keeps its problem, for
 * trainModel to refuse with its line.
 */
export async function readModelTable(input: ReadModelTableInput): Promise<ModelTable> {
  const source = await openImportSource(input)
  try {
    const rows: ModelTableRow[] = []
    for await (const batch of source.batches()) rows.push(...batch)
    return { headers: source.headers, rows }
  } finally {
    source.close()
  }
}
