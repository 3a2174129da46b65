import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { Feature, FeatureEncoder } from './feature-encoder.ts'
import { modelInputError } from './model-input-error.ts'
import { readNumberText } from './read-number-text.ts'

/** A text column with more levels than this among the training rows is refused (an identifier?). */
export const MAX_TEXT_LEVELS = 100

export type FeatureColumn = {
  /** The header, as the file writes it. */
  name: string
  /** Every data row's cell, in file order. */
  cells: readonly string[]
  /** Forces the column's kind (a region code '77' is text); read from the cells when absent. */
  kind?: 'numeric' | 'text'
}

export type FitFeatureEncoderInput = {
  columns: readonly FeatureColumn[]
  /** The training rows (indexes into cells): means, deviations and levels are learnt from them only. */
  train: readonly number[]
}

/**
 * Learns how to encode the columns. The rules:
 * - a column is numeric when every non-empty cell of the file reads as a number (readNumberText),
 *   else text;
 * - numeric: standardised by the training rows' mean and population standard deviation (as
 *   scikit-learn's StandardScaler); an empty cell gets the training mean, i.e. 0, with a warning;
 * - text: one-hot, its reference level the most frequent in training (a tie: the first in
 *   character order), the other levels in character order; an empty cell is a level of its own;
 *   more than MAX_TEXT_LEVELS levels is refused;
 * - a column with one value in every training row (or empty in all) is left out with a warning.
 */
export function fitFeatureEncoder(input: FitFeatureEncoderInput): { encoder: FeatureEncoder; warnings: Reason[] } {
  const features: Feature[] = []
  const warnings: Reason[] = []
  for (const column of input.columns) {
    const cells = input.train.map((i) => column.cells[i].trim())
    const numeric = column.kind ? column.kind === 'numeric' : column.cells.every((cell) => cell.trim() === '' || readNumberText(cell) !== undefined)
    const feature = numeric ? numericFeature(column.name, cells, warnings) : textFeature(column.name, cells, warnings)
    if (feature) features.push(feature)
  }
  return { encoder: { version: 1, features }, warnings }
}

function numericFeature(column: string, cells: readonly string[], warnings: Reason[]): Feature | undefined {
  const values = cells.flatMap((cell) => (cell === '' ? [] : [readNumberText(cell)!]))
  if (values.length === 0 || values.every((v) => v === values[0])) {
    warnings.push(reason('model.constant_dropped', { column, value: values.length === 0 ? '' : String(values[0]) }))
    return undefined
  }
  let sum = 0
  for (const v of values) sum += v
  const mean = sum / values.length
  let squares = 0
  for (const v of values) squares += (v - mean) * (v - mean)
  const std = Math.sqrt(squares / values.length)
  const missing = cells.length - values.length
  if (missing > 0) warnings.push(reason('model.missing_filled', { column, count: missing }))
  return { kind: 'numeric', column, mean, std }
}

function textFeature(column: string, cells: readonly string[], warnings: Reason[]): Feature | undefined {
  const counts = new Map<string, number>()
  for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1)
  if (counts.size > MAX_TEXT_LEVELS) throw modelInputError(reason('model.too_many_levels', { column, count: counts.size, max: MAX_TEXT_LEVELS }))
  const levels = [...counts.keys()].sort(characterOrder)
  if (levels.length < 2) {
    warnings.push(reason('model.constant_dropped', { column, value: levels[0] ?? '' }))
    return undefined
  }
  const reference = levels.reduce((best, level) => (counts.get(level)! > counts.get(best)! ? level : best))
  return { kind: 'text', column, reference, levels: levels.filter((level) => level !== reference) }
}

function characterOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
