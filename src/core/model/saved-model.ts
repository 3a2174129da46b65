import { encodeRow, featureNames, type CellValue, type FeatureEncoder } from './feature-encoder.ts'
import { linearScore, sigmoid } from './logistic-model.ts'

/**
 * A trained model as a file keeps it (`otklik model train --out`): the encoder and the fitted
 * weights, enough to score new rows exactly as the training rows were scored.
 */
export type SavedModel = {
  kind: 'logistic_regression'
  version: 1
  /** The label's column, and its class 1 as the training file wrote it. */
  label: string
  positive: string
  C: number
  encoder: FeatureEncoder
  intercept: number
  /** Per encoded feature, in featureNames(encoder) order. */
  coefficients: Record<string, number>
}

/** P(label = positive) for one row of cells named by their columns (the label need not be there). */
export function scoreRow(model: SavedModel, row: Readonly<Record<string, CellValue>>): number {
  const weights = featureNames(model.encoder).map((name) => model.coefficients[name])
  return sigmoid(linearScore({ intercept: model.intercept, weights }, encodeRow(model.encoder, row)))
}
