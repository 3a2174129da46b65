import { describe, expect, it } from 'vitest'
import reference from '../../app/model/reference/churn_reference.json' with { type: 'json' }
import { calibrationDeciles } from './calibration-deciles.ts'

// Known answers: scikit-learn 1.2.1's calibration_curve(n_bins=10, strategy='quantile')
// (app/model/reference/churn_reference.py): hand cases, one with ties that empty some bins, and
// lbfgs's 3,000 test predictions of the bank churn model.
describe('calibrationDeciles', () => {
  const cases = [
    ...reference.calibrations.map((c, i) => [`hand case ${i + 1}`, c.labels, c.probabilities, c] as const),
    ['bank churn', reference.churn.stratified.test_labels, reference.churn.stratified.lbfgs_test_probabilities, reference.churn.stratified.lbfgs.calibration] as const,
  ]
  it.each(cases)('%s matches calibration_curve', (_, labels, probabilities, known) => {
    const bins = calibrationDeciles(labels, probabilities)
    expect(bins).toHaveLength(known.observed.length)
    bins.forEach((bin, i) => {
      expect(bin.observed).toBeCloseTo(known.observed[i], 12)
      expect(bin.meanPredicted).toBeCloseTo(known.mean_predicted[i], 12)
    })
    expect(bins.reduce((sum, bin) => sum + bin.n, 0)).toBe(labels.length)
  })

  it('puts 3,000 distinct predictions 300 to a decile', () => {
    const bins = calibrationDeciles(reference.churn.stratified.test_labels, reference.churn.stratified.lbfgs_test_probabilities)
    expect(bins.map((bin) => bin.n)).toEqual(new Array(10).fill(300))
  })
})
