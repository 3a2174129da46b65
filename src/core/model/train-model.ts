import { reason, type Reason } from '../../contract/reason-codes.ts'
import { calibrationDeciles, type CalibrationBin } from './calibration-deciles.ts'
import { encodeRow, featureNames, type FeatureEncoder } from './feature-encoder.ts'
import { fitFeatureEncoder } from './fit-feature-encoder.ts'
import { fitLogisticRegression } from './fit-logistic-regression.ts'
import { modelInputError } from './model-input-error.ts'
import type { ModelSplit } from './model-split.ts'
import type { ModelTable } from './model-table.ts'
import { predictProbabilities } from './predict-probabilities.ts'
import { readLabel } from './read-label.ts'
import { readTimes } from './read-times.ts'
import { rocAuc } from './roc-auc.ts'
import { splitByTime } from './split-by-time.ts'
import { splitStratified } from './split-stratified.ts'

export type SplitRule = { kind: 'stratified' } | { kind: 'time'; column: string }

export type TrainModelInput = {
  table: ModelTable
  /** The label's column: yes/no, 1/0 or true/false. */
  label: string
  /** Columns left out of the features (identifiers, leaks). */
  drop?: readonly string[]
  split: SplitRule
  testShare: number
  seed: number
  /** As scikit-learn's C (default 1). */
  C?: number
}

export type TrainedModel = {
  auc: number
  nTrain: number
  nTest: number
  intercept: number
  /** Per encoded feature, in the encoder's order; on the standardised scale for numeric columns. */
  coefficients: Record<string, number>
  calibration: CalibrationBin[]
  warnings: Reason[]
  encoder: FeatureEncoder
  label: { column: string; positive: string; negative: string }
  /** Indexes into table.rows. */
  split: ModelSplit
  iterations: number
}

/**
 * Trains a regularised logistic regression on a table and measures it on a held-out part: the
 * label read, the rows split (stratified by the label with a seed, or by time), the features
 * learnt on the training rows only (fitFeatureEncoder), the model fitted (fitLogisticRegression),
 * and the test rows' AUC and calibration deciles reported.
 */
export function trainModel(input: TrainModelInput): TrainedModel {
  checkOptions(input)
  checkRows(input.table)
  const table = nameBlankColumns(input.table)
  const { headers, rows } = table
  const index = columnIndex(headers)
  const labelAt = resolveColumn(index, headers, input.label, '--label')
  const dropped = new Set((input.drop ?? []).map((name) => resolveColumn(index, headers, name, '--drop')))
  const timeAt = input.split.kind === 'time' ? resolveColumn(index, headers, input.split.column, '--split') : undefined
  if (timeAt === labelAt) throw modelInputError(reason('model.time_is_label', { column: input.label }))
  if (rows.length > MAX_MODEL_ROWS) throw modelInputError(reason('model.too_many_rows', { limit: MAX_MODEL_ROWS }))

  const labels = readLabel(rows, labelAt, input.label)
  const split = splitRows({ ...input, table }, labels.values, timeAt)
  checkParts(split, labels, input.label)
  const columns = headers.flatMap((name, i) => (i === labelAt || i === timeAt || dropped.has(i) ? [] : [{ name, cells: rows.map((r) => r.cells[i]) }]))
  const { encoder, warnings } = fitFeatureEncoder({ columns, train: split.train })
  if (encoder.features.length === 0) throw modelInputError(reason('model.no_features', { label: input.label }))
  warnings.push(...unseenLevels(encoder, table, split.test))

  const encode = (i: number) => encodeRow(encoder, Object.fromEntries(headers.map((h, k) => [h, rows[i].cells[k]])))
  const fit = fitLogisticRegression(split.train.map(encode), split.train.map((i) => labels.values[i]), { C: input.C ?? 1 })
  if (!fit.converged) warnings.push(reason('model.not_converged', { iterations: fit.iterations }))
  const testLabels = split.test.map((i) => labels.values[i])
  const probabilities = predictProbabilities(fit, split.test.map(encode))
  const names = featureNames(encoder)
  return {
    auc: rocAuc(testLabels, probabilities)!,
    nTrain: split.train.length,
    nTest: split.test.length,
    intercept: fit.intercept,
    coefficients: Object.fromEntries(names.map((name, j) => [name, fit.weights[j]])),
    calibration: calibrationDeciles(testLabels, probabilities),
    warnings,
    encoder,
    label: { column: input.label, positive: labels.positive, negative: labels.negative },
    split,
    iterations: fit.iterations,
  }
}

/** The most rows a model trains on here: the file is read whole into memory. */
export const MAX_MODEL_ROWS = 2_000_000

function checkOptions(input: TrainModelInput): void {
  if (!(input.testShare > 0 && input.testShare < 1)) throw modelInputError(reason('model.bad_test_share', { value: String(input.testShare) }))
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) throw modelInputError(reason('model.bad_seed', { value: String(input.seed) }))
  const C = input.C ?? 1
  if (!(C > 0) || !Number.isFinite(C)) throw modelInputError(reason('model.bad_penalty', { value: String(C) }))
}

/**
 * A blank header with nothing under it is the trailing delimiter spreadsheets write (`a;b;;`):
 * left out. A blank header over data is named by its place, `(column 3)`.
 */
export function nameBlankColumns(table: ModelTable): ModelTable {
  if (table.headers.every((name) => name.trim() !== '')) return table
  const kept = table.headers.flatMap((name, i) => (name.trim() !== '' || table.rows.some((r) => r.cells[i].trim() !== '') ? [i] : []))
  return {
    headers: kept.map((i) => (table.headers[i].trim() === '' ? `(column ${i + 1})` : table.headers[i])),
    rows: table.rows.map((row) => ({ line: row.line, cells: kept.map((i) => row.cells[i]) })),
  }
}

export function columnIndex(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>()
  headers.forEach((name, i) => {
    if (index.has(name)) throw modelInputError(reason('model.duplicate_column', { column: name }))
    index.set(name, i)
  })
  return index
}

export function resolveColumn(index: Map<string, number>, headers: readonly string[], name: string, option: string): number {
  const at = index.get(name)
  if (at === undefined) throw modelInputError(reason('model.unknown_column', { column: name, option, columns: headers.join(', ') }))
  return at
}

/** Every row has the header's fields (extra empty ones, as spreadsheets pad, are let be) and was read whole. */
export function checkRows(table: ModelTable): void {
  const expected = table.headers.length
  for (const row of table.rows) {
    if (row.problem) throw modelInputError(reason('model.unreadable_row', { line: row.line, detail: row.problem.message }))
    const count = row.cells.length
    if (count < expected || row.cells.slice(expected).some((cell) => cell.trim() !== '')) {
      throw modelInputError(reason('model.field_count', { line: row.line, count, expected }))
    }
  }
}

function splitRows(input: TrainModelInput, labels: readonly number[], timeAt: number | undefined): ModelSplit {
  if (input.split.kind === 'stratified') return splitStratified({ labels, testShare: input.testShare, seed: input.seed })
  const column = input.split.column
  const split = splitByTime({ times: readTimes(input.table.rows, timeAt!, column), testShare: input.testShare })
  if (!split) throw modelInputError(reason('model.too_few_times', { column }))
  return split
}

/** Both parts need both classes: a model learns nothing from one, and no AUC is measured on one. */
function checkParts(split: ModelSplit, labels: { values: readonly number[]; positive: string; negative: string }, column: string): void {
  for (const [part, rows] of [['train', split.train], ['test', split.test]] as const) {
    const positives = rows.reduce((sum, i) => sum + labels.values[i], 0)
    if (positives === 0) throw modelInputError(reason('model.part_lacks_class', { part, label: labels.positive, column }))
    if (positives === rows.length) throw modelInputError(reason('model.part_lacks_class', { part, label: labels.negative, column }))
  }
}

/** Test rows whose text value training never saw: the model reads them as the reference level. */
function unseenLevels(encoder: FeatureEncoder, table: ModelTable, test: readonly number[]): Reason[] {
  return encoder.features.flatMap((feature) => {
    if (feature.kind !== 'text') return []
    const at = table.headers.indexOf(feature.column)
    const known = new Set([feature.reference, ...feature.levels])
    const count = test.filter((i) => !known.has(table.rows[i].cells[at].trim())).length
    return count === 0 ? [] : [reason('model.unseen_levels', { column: feature.column, count })]
  })
}
