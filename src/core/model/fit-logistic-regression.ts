import { sigmoid, softplus, type FeatureRow, type LogisticModel } from './logistic-model.ts'
import { solveCholesky } from './solve-cholesky.ts'

export type FitOptions = {
  /** The inverse of the penalty's strength, as scikit-learn's C (default 1): smaller is stronger. */
  C?: number
  /** Newton steps at most (default 100); a fit that needs more is reported unconverged. */
  maxIterations?: number
  /**
   * A weight per row (default 1 each), as scikit-learn's sample_weight: the log-loss becomes
   * Σ wᵢ·lossᵢ. The class-transformation uplift model weighs treated and control to equal shares.
   */
  sampleWeight?: readonly number[]
}

export type LogisticFit = LogisticModel & {
  /** Newton steps taken. */
  iterations: number
  converged: boolean
  /** The objective at the answer: Σ log-loss + ‖w‖² / (2C). */
  objective: number
}

const STEP_TOLERANCE = 1e-12
const MAX_HALVINGS = 40

/**
 * L2-regularised logistic regression fitted to its optimum by Newton's method (IRLS) with a
 * backtracking line search. The objective is scikit-learn's LogisticRegression(penalty='l2', C,
 * fit_intercept=True) one, C·Σ log-loss + ½‖w‖², divided by C: the intercept is not penalised.
 * It is strictly convex (the penalty), so the optimum is unique and exists even when the classes
 * are separable; Newton reaches it to machine precision in a handful of steps, where lbfgs stops
 * at its tolerance. x holds one row per example; y is 0 or 1 for each.
 */
export function fitLogisticRegression(x: readonly FeatureRow[], y: readonly number[], options: FitOptions = {}): LogisticFit {
  const C = options.C ?? 1
  const maxIterations = options.maxIterations ?? 100
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be a positive number, got ${C}`)
  if (x.length !== y.length) throw new RangeError(`${x.length} rows of features but ${y.length} labels`)
  const w = options.sampleWeight ?? new Array<number>(x.length).fill(1)
  if (w.length !== x.length || w.some((v) => !(v >= 0) || !Number.isFinite(v))) throw new RangeError('a sample weight per row, each finite and not negative')
  const p = x.length === 0 ? 0 : x[0].length
  const m = p + 1
  // theta[0] is the intercept, theta[1..p] the weights.
  let theta = new Float64Array(m)
  let objective = objectiveAt(x, y, w, theta, C)
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { gradient, hessian } = derivativesAt(x, y, w, theta, C)
    const step = solveCholesky(hessian, gradient, m)
    if (!step) return finish(theta, iteration, false, objective)
    let t = 1
    let next = theta
    let nextObjective = objective
    for (let halving = 0; halving <= MAX_HALVINGS; halving++, t /= 2) {
      next = theta.map((v, j) => v - t * step[j])
      nextObjective = objectiveAt(x, y, w, next, C)
      if (nextObjective <= objective + slack(objective)) break
    }
    const moved = maxAbs(step) * t
    const scale = 1 + maxAbs(theta)
    if (nextObjective <= objective + slack(objective)) {
      theta = next
      objective = nextObjective
    }
    if (moved <= STEP_TOLERANCE * scale) return finish(theta, iteration, true, objective)
  }
  return finish(theta, maxIterations, false, objective)
}

// Near the optimum a full step changes the objective by less than its rounding: such a step is
// taken, not halved away, or the last digits of the answer would be left to chance.
function slack(objective: number): number {
  return 1e-13 * (1 + Math.abs(objective))
}

function finish(theta: Float64Array, iterations: number, converged: boolean, objective: number): LogisticFit {
  return { intercept: theta[0], weights: Array.from(theta.subarray(1)), iterations, converged, objective }
}

function scoreAt(row: FeatureRow, theta: Float64Array): number {
  let z = theta[0]
  for (let j = 1; j < theta.length; j++) z += theta[j] * row[j - 1]
  return z
}

function objectiveAt(x: readonly FeatureRow[], y: readonly number[], w: readonly number[], theta: Float64Array, C: number): number {
  let loss = 0
  for (let i = 0; i < x.length; i++) {
    const z = scoreAt(x[i], theta)
    loss += w[i] * (softplus(z) - y[i] * z)
  }
  let penalty = 0
  for (let j = 1; j < theta.length; j++) penalty += theta[j] * theta[j]
  return loss + penalty / (2 * C)
}

/** The gradient and the Hessian (row-major) of the objective at theta. */
function derivativesAt(x: readonly FeatureRow[], y: readonly number[], w: readonly number[], theta: Float64Array, C: number) {
  const m = theta.length
  const gradient = new Float64Array(m)
  const hessian = new Float64Array(m * m)
  const augmented = new Float64Array(m)
  augmented[0] = 1
  for (let i = 0; i < x.length; i++) {
    const row = x[i]
    for (let j = 1; j < m; j++) augmented[j] = row[j - 1]
    const probability = sigmoid(scoreAt(row, theta))
    const residual = w[i] * (probability - y[i])
    const weight = w[i] * probability * (1 - probability)
    for (let j = 0; j < m; j++) {
      gradient[j] += residual * augmented[j]
      const wj = weight * augmented[j]
      // The lower triangle only; mirrored below.
      for (let k = 0; k <= j; k++) hessian[j * m + k] += wj * augmented[k]
    }
  }
  for (let j = 0; j < m; j++) for (let k = 0; k < j; k++) hessian[k * m + j] = hessian[j * m + k]
  for (let j = 1; j < m; j++) {
    gradient[j] += theta[j] / C
    hessian[j * m + j] += 1 / C
  }
  // Every prediction saturated at 0 or 1 leaves the intercept's curvature at 0: keep it solvable.
  hessian[0] += 1e-12
  return { gradient, hessian }
}

function maxAbs(values: Float64Array): number {
  let max = 0
  for (const v of values) max = Math.max(max, Math.abs(v))
  return max
}
