import { linearScore, sigmoid, type FeatureRow, type LogisticModel } from './logistic-model.ts'

/** P(y = 1) for each row under a fitted model. */
export function predictProbabilities(model: LogisticModel, rows: readonly FeatureRow[]): number[] {
  return rows.map((row) => sigmoid(linearScore(model, row)))
}
