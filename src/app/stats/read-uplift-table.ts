import { reason } from '../../contract/reason-codes.ts'
import { locateUpliftColumns } from '../../core/stats/locate-uplift-columns.ts'
import { parseUpliftRow } from '../../core/stats/parse-uplift-row.ts'
import { statsInputError } from '../../core/stats/stats-input-error.ts'
import type { UpliftColumns } from '../../core/stats/uplift-columns.ts'
import type { UpliftTable } from '../../core/stats/uplift-table.ts'
import { openImportSource } from '../import/open-import-source.ts'

export type ReadUpliftTableInput = { path: string; columns: UpliftColumns }

/**
 * Reads a file of scored members through the imports' reader — CSV in any encoding and delimiter
 * they accept, or XLSX — into a table for the uplift metrics. The first bad cell refuses the whole
 * file with its line and column: a metric over the rows that happened to parse would mislead.
 */
export async function readUpliftTable({ path, columns }: ReadUpliftTableInput): Promise<UpliftTable> {
  const source = await openImportSource({ path })
  try {
    const at = locateUpliftColumns(source.headers, columns)
    const score: number[] = []
    const treatment: (0 | 1)[] = []
    const outcome: (0 | 1)[] = []
    for await (const batch of source.batches()) {
      for (const { line, cells, problem } of batch) {
        if (problem) throw statsInputError(reason('stats.bad_row', { line, detail: problem.message }))
        const row = parseUpliftRow({ cells, line, at, columns })
        score.push(row.score)
        treatment.push(row.treatment)
        outcome.push(row.outcome)
      }
    }
    return { score, treatment, outcome }
  } finally {
    source.close()
  }
}
