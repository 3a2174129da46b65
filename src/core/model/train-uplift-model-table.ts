import type { UpliftApproach } from '../../contract/uplift-approaches.ts'
import type { ModelTable } from './model-table.ts'
import { readLabel } from './read-label.ts'
import { checkRows, columnIndex, nameBlankColumns, resolveColumn } from './train-model.ts'
import { trainUpliftModel, type TrainedUpliftModel } from './train-uplift-model.ts'

export type TrainUpliftModelTableInput = {
  table: ModelTable
  /** The column naming each row's group, and the value in it that marks the control group (every other value is target). */
  treatment: string
  control: string
  /** The response: yes/no, 1/0 or true/false, as the imports read it. */
  outcome: string
  /** Columns left out of the features besides the two above: identifiers and other outcomes (leaks). */
  drop: readonly string[]
  /** The 0-based data rows whose index is a multiple of this are held out: a split anyone can redo (issue 9: "row number mod 3"). */
  holdoutEvery: number
  approach: UpliftApproach
  C?: number
}

/**
 * An uplift model trained on a file of an experiment (Hillstrom's, an external campaign's): the
 * same models, encoder and measures as a wave's (trainUpliftModel), on the file's columns
 * instead of the client profile. Every other column is a feature.
 */
export function trainUpliftModelTable(input: TrainUpliftModelTableInput): TrainedUpliftModel {
  const table = nameBlankColumns(input.table)
  checkRows(table)
  const index = columnIndex(table.headers)
  const treatmentAt = resolveColumn(index, table.headers, input.treatment, '--treatment')
  const outcomeAt = resolveColumn(index, table.headers, input.outcome, '--outcome')
  const left = new Set([treatmentAt, outcomeAt, ...input.drop.map((name) => resolveColumn(index, table.headers, name, '--drop'))])
  const rows = table.rows
  const ids = rows.map((_, i) => i)
  return trainUpliftModel({
    columns: table.headers.flatMap((name, at) => (left.has(at) ? [] : [{ name, cells: rows.map((row) => row.cells[at]) }])),
    treatment: rows.map((row) => (row.cells[treatmentAt].trim() === input.control ? 0 : 1)),
    outcome: readLabel(rows, outcomeAt, input.outcome).values as (0 | 1)[],
    split: { train: ids.filter((i) => i % input.holdoutEvery !== 0), test: ids.filter((i) => i % input.holdoutEvery === 0) },
    approach: input.approach,
    C: input.C,
  })
}
