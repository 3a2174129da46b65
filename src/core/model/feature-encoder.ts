import { reason } from '../../contract/reason-codes.ts'
import { modelInputError } from './model-input-error.ts'
import { readNumberText } from './read-number-text.ts'

/** A numeric column, standardised with its training mean and (population) standard deviation. */
export type NumericFeature = { kind: 'numeric'; column: string; mean: number; std: number }

/**
 * A text column, one-hot encoded: one 0/1 feature per level but the reference, which is all zeros
 * (as is a level training never saw). An empty cell is a level of its own, ''.
 */
export type TextFeature = { kind: 'text'; column: string; reference: string; levels: string[] }

export type Feature = NumericFeature | TextFeature

/**
 * How a row of cells becomes the model's features: plain JSON, saved beside the coefficients and
 * applied to new rows (client profiles, another month's file) exactly as to the training rows.
 */
export type FeatureEncoder = { version: 1; features: Feature[] }

/** A cell of a row to encode: the file's text, or a number or null from a profile. */
export type CellValue = string | number | null | undefined

/** What an empty text cell is called in a feature's name. */
export const EMPTY_LEVEL_NAME = '(empty)'

/** The names of the encoded columns, in order: `Age`, `Geography=Germany`, `Region=(empty)`. */
export function featureNames(encoder: FeatureEncoder): string[] {
  return encoder.features.flatMap((feature) =>
    feature.kind === 'numeric' ? [feature.column] : feature.levels.map((level) => `${feature.column}=${level === '' ? EMPTY_LEVEL_NAME : level}`),
  )
}

/**
 * One row's features. A numeric cell that is empty (or null) becomes the training mean, i.e. 0;
 * one that is not a number is refused, naming its column.
 */
export function encodeRow(encoder: FeatureEncoder, row: Readonly<Record<string, CellValue>>): Float64Array {
  const out = new Float64Array(encodedWidth(encoder))
  let at = 0
  for (const feature of encoder.features) {
    const cell = row[feature.column]
    if (feature.kind === 'numeric') {
      const value = numericCell(feature.column, cell)
      out[at++] = value === undefined ? 0 : (value - feature.mean) / feature.std
      continue
    }
    const level = cell === null || cell === undefined ? '' : String(cell).trim()
    const index = feature.levels.indexOf(level)
    if (index >= 0) out[at + index] = 1
    at += feature.levels.length
  }
  return out
}

export function encodedWidth(encoder: FeatureEncoder): number {
  return encoder.features.reduce((sum, f) => sum + (f.kind === 'numeric' ? 1 : f.levels.length), 0)
}

function numericCell(column: string, cell: CellValue): number | undefined {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return cell
    throw modelInputError(reason('model.not_number', { column, value: String(cell) }))
  }
  if (cell.trim() === '') return undefined
  const value = readNumberText(cell)
  if (value === undefined) throw modelInputError(reason('model.not_number', { column, value: cell }))
  return value
}
