/**
 * A fitted logistic regression: P(y = 1 | x) = σ(intercept + Σ weights[j]·x[j]). The weights are in
 * the order of the feature columns the model was fitted on (a FeatureEncoder's featureNames).
 */
export type LogisticModel = { intercept: number; weights: readonly number[] }

/** One row of features: a number[] or a Float64Array, in the model's column order. */
export type FeatureRow = ArrayLike<number>

/** The logistic function, without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** log(1 + e^z), without overflow: the log-loss of a row is softplus(z) − y·z. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
}

/** The linear score intercept + w·x of one row. */
export function linearScore(model: LogisticModel, row: FeatureRow): number {
  let z = model.intercept
  const w = model.weights
  for (let j = 0; j < w.length; j++) z += w[j] * row[j]
  return z
}
