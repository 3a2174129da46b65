import { reason } from '../../contract/reason-codes.ts'
import { parseBooleanCell } from '../import/parse-boolean-cell.ts'
import { modelInputError } from './model-input-error.ts'
import type { ModelTableRow } from './model-table.ts'

/** The fewest rows of either class a model is trained on: fewer and its coefficients are noise. */
export const MIN_CLASS_ROWS = 10

export type Labels = {
  /** 1 or 0 per row. */
  values: number[]
  /** The class 1 and 0 as the file first writes them ("yes", "1", "true"). */
  positive: string
  negative: string
}

/**
 * The label of every row, read as the imports read a yes/no cell (yes/no, 1/0, true/false and
 * their Russian words), or a refusal naming the first line that is none of them, a label of one
 * class, or a class with fewer than MIN_CLASS_ROWS rows.
 */
export function readLabel(rows: readonly ModelTableRow[], index: number, column: string): Labels {
  const values: number[] = []
  const words: Record<'t' | 'f', string | undefined> = { t: undefined, f: undefined }
  for (const row of rows) {
    const text = row.cells[index]
    const flag = parseBooleanCell(text)
    if (!flag) throw modelInputError(reason('model.bad_label', { line: row.line, column, value: text }))
    words[flag] ??= text.trim()
    values.push(flag === 't' ? 1 : 0)
  }
  const positives = values.reduce((sum, v) => sum + v, 0)
  const counts = [
    { label: words.t, count: positives },
    { label: words.f, count: values.length - positives },
  ]
  const only = counts.find((c) => c.count === values.length)
  if (only) throw modelInputError(reason('model.one_class', { column, value: only.label ?? '' }))
  for (const { label, count } of counts) {
    if (count < MIN_CLASS_ROWS) throw modelInputError(reason('model.too_few_in_class', { column, label: label!, count, min: MIN_CLASS_ROWS }))
  }
  return { values, positive: words.t!, negative: words.f! }
}
