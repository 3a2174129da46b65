import { linearPercentile as percentile } from '../stats/linear-percentile.ts'

export type CalibrationBin = {
  /** Rows whose predicted probability fell in the bin. */
  n: number
  /** Their mean predicted probability. */
  meanPredicted: number
  /** The share of them with label 1. */
  observed: number
}

/**
 * Calibration by quantile bins of the predicted probability (deciles by default): each bin's mean
 * prediction against its observed rate. The bins are scikit-learn's calibration_curve with
 * strategy='quantile': edges at numpy's linear percentiles, a probability equal to an inner edge
 * goes to the lower bin, and empty bins (many tied predictions) are left out.
 */
export function calibrationDeciles(labels: readonly number[], probabilities: readonly number[], bins = 10): CalibrationBin[] {
  if (probabilities.length === 0) return []
  const sorted = Float64Array.from(probabilities).sort()
  const inner = Array.from({ length: bins - 1 }, (_, i) => percentile(sorted, ((i + 1) * (1 / bins) * 100) / 100))
  const n = new Array<number>(bins).fill(0)
  const predicted = new Array<number>(bins).fill(0)
  const positive = new Array<number>(bins).fill(0)
  probabilities.forEach((probability, i) => {
    // numpy.searchsorted(inner, p, side='left'): the inner edges strictly below p.
    let bin = 0
    while (bin < inner.length && inner[bin] < probability) bin++
    n[bin]++
    predicted[bin] += probability
    positive[bin] += labels[i]
  })
  return n.flatMap((count, bin) => (count === 0 ? [] : [{ n: count, meanPredicted: predicted[bin] / count, observed: positive[bin] / count }]))
}

// The edges as numpy computes them (linspace's i·step, times 100, then percentile's /100), so
// that a prediction lying on an edge falls on the same side of it as in scikit-learn.
