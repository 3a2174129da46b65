import { describe, expect, it } from 'vitest'
import reference from '../../app/model/reference/churn_reference.json' with { type: 'json' }
import { fitLogisticRegression } from './fit-logistic-regression.ts'
import { softplus } from './logistic-model.ts'

// Known answers: scikit-learn 1.2.1's LogisticRegression(penalty='l2', C, fit_intercept=True) on
// the same rows (app/model/reference/churn_reference.py, hand_fits), with lbfgs and with
// newton-cg. Both minimise the same objective; newton-cg reaches its optimum (gradient ~1e-10, so to ~1e-9),
// lbfgs stops a little short of it (gradient up to 3e-5 here), so the match is tight to newton-cg.

function objective(x: number[][], y: number[], intercept: number, weights: readonly number[], C: number): number {
  let sum = 0
  x.forEach((row, i) => {
    const z = intercept + row.reduce((s, v, j) => s + v * weights[j], 0)
    sum += softplus(z) - y[i] * z
  })
  return sum + weights.reduce((s, w) => s + w * w, 0) / (2 * C)
}

describe('fitLogisticRegression', () => {
  it.each(reference.fits.map((f) => [`${f.name}, C=${f.C}`, f] as const))('%s matches scikit-learn', (_, known) => {
    const fit = fitLogisticRegression(known.x, known.y, { C: known.C })
    expect(fit.converged).toBe(true)
    expect(fit.intercept).toBeCloseTo(known.newton_cg.intercept, 8)
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(known.newton_cg.weights[j], 8))
    fit.weights.forEach((w, j) => expect(Math.abs(w - known.lbfgs.weights[j])).toBeLessThan(1e-4))
    expect(Math.abs(fit.intercept - known.lbfgs.intercept)).toBeLessThan(1e-4)
    // At least as low an objective as either of scikit-learn's answers: it is the optimum.
    const ours = objective(known.x, known.y, fit.intercept, fit.weights, known.C)
    expect(ours).toBeLessThanOrEqual(objective(known.x, known.y, known.lbfgs.intercept, known.lbfgs.weights, known.C) + 1e-12)
    expect(ours).toBeLessThanOrEqual(objective(known.x, known.y, known.newton_cg.intercept, known.newton_cg.weights, known.C) + 1e-12)
  })

  it('does not penalise the intercept: a constant-free rate of 0.9 is fitted exactly', () => {
    // No features: the optimum is the log-odds of the rate whatever C is.
    const y = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]
    const fit = fitLogisticRegression(y.map(() => []), y, { C: 1e-6 })
    expect(fit.intercept).toBeCloseTo(Math.log(9), 12)
    expect(fit.weights).toEqual([])
  })

  it('a smaller C shrinks the weights towards 0', () => {
    const [known] = reference.fits
    const loose = fitLogisticRegression(known.x, known.y, { C: 100 })
    const tight = fitLogisticRegression(known.x, known.y, { C: 0.01 })
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]))
  })

  it('refuses a C that is not positive, and rows and labels of different lengths', () => {
    expect(() => fitLogisticRegression([[1]], [1], { C: 0 })).toThrow(RangeError)
    expect(() => fitLogisticRegression([[1], [2]], [1], {})).toThrow(RangeError)
  })
})
