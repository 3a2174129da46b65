/** n, mean and sample variance (n − 1) of values, and with a covariate its mean, variance and the covariance — two-pass, as numpy does. */
export function summarizeValues(values: readonly number[], covariate?: readonly number[]) {
  const n = values.length
  const mean = values.reduce((a, b) => a + b, 0) / n
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)
  if (!covariate) return { n, mean, variance, meanX: Number.NaN, varianceX: Number.NaN, covariance: Number.NaN }
  const meanX = covariate.reduce((a, b) => a + b, 0) / n
  const varianceX = covariate.reduce((a, x) => a + (x - meanX) ** 2, 0) / (n - 1)
  const covariance = values.reduce((a, v, i) => a + (v - mean) * (covariate[i]! - meanX), 0) / (n - 1)
  return { n, mean, variance, meanX, varianceX, covariance }
}
