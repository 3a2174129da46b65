import type { UpliftApproach } from '../../contract/uplift-approaches.ts'
import { encodeRow, featureNames, type CellValue, type FeatureEncoder } from './feature-encoder.ts'
import { linearScore, sigmoid } from './logistic-model.ts'

/** A logistic regression as an uplift model stores it: the intercept and a coefficient per encoded feature. */
export type StoredLogistic = { intercept: number; coefficients: Record<string, number> }

/**
 * A trained uplift model as the bank keeps it (uplift_models.model): the encoder and the fitted
 * regressions, enough to score any client exactly as the training members were scored.
 * two_model: `treated` and `control` predict the response in each group; the score is their
 * difference. class_transformation: `transformed` predicts Z; the score is 2·P(Z=1|x) − 1.
 */
export type UpliftModel = {
  kind: 'uplift'
  version: 1
  approach: UpliftApproach
  C: number
  encoder: FeatureEncoder
  regressions: { treated: StoredLogistic; control: StoredLogistic } | { transformed: StoredLogistic }
}

/**
 * Scores rows under a model: each row's predicted uplift, between −1 and 1 — the change in the
 * response probability the contact brings. The weights are laid out once for many rows.
 */
export function upliftScorer(model: UpliftModel): (row: Readonly<Record<string, CellValue>>) => number {
  const names = featureNames(model.encoder)
  const linear = (r: StoredLogistic) => ({ intercept: r.intercept, weights: names.map((name) => r.coefficients[name]) })
  const regressions = model.regressions
  if ('transformed' in regressions) {
    const transformed = linear(regressions.transformed)
    return (row) => 2 * sigmoid(linearScore(transformed, encodeRow(model.encoder, row))) - 1
  }
  const treated = linear(regressions.treated)
  const control = linear(regressions.control)
  return (row) => {
    const x = encodeRow(model.encoder, row)
    return sigmoid(linearScore(treated, x)) - sigmoid(linearScore(control, x))
  }
}
