import { reason } from '../../contract/reason-codes.ts'
import { checkLevels } from './check-levels.ts'
import { detectionThreshold } from './detection-threshold.ts'
import { statsInputError } from './stats-input-error.ts'

export type DetectableUpliftInput = {
  /** The control's expected response rate, in (0, 1). */
  baseline: number
  /** The group sizes the selection and split give. */
  target: number
  control: number
  alpha: number
  power: number
}

/**
 * The minimum detectable uplift: the smallest Δ > 0 that the given groups detect with the given power
 * in a two-sided two-proportion z-test — the inverse of pilotSize, the root of
 *
 *   Δ = z_{1−α/2}·√( p̄(1−p̄)(1/n_t + 1/n_c) ) + z_{power}·√( p_t(1−p_t)/n_t + p_c(1−p_c)/n_c ),  p_t = p_c + Δ
 *
 * (normal approximation, pooled variance under H0; statsmodels' power_proportions_2indep solved for
 * the difference). The smallest root is found by a scan over (0, 1 − p_c) and bisection. Groups too
 * small for any rate up to 1 are refused (`stats.undetectable`).
 */
export function detectableUplift(input: DetectableUpliftInput): number {
  const { baseline, target, control, alpha, power } = input
  if (!(baseline > 0 && baseline < 1)) throw statsInputError(reason('stats.bad_rate', { field: 'baseline', value: String(baseline) }))
  for (const [field, size] of [['target_n', target], ['control_n', control]] as const) {
    if (!Number.isSafeInteger(size) || size < 1) throw statsInputError(reason('stats.bad_count', { field, value: String(size) }))
  }
  checkLevels({ alpha, power })

  const gap = (uplift: number) => uplift - detectionThreshold({ baseline, uplift, target, control, alpha, power })
  const top = 1 - baseline
  const steps = 1000
  let low = 0
  for (let i = 1; i <= steps; i++) {
    const high = (top * i) / steps
    if (gap(high) >= 0) return bisect(gap, low, high)
    low = high
  }
  throw statsInputError(reason('stats.undetectable', { target, control, baseline }))
}

/** The root of an increasing-through-zero function between `low` (below 0) and `high` (at or above 0). */
function bisect(f: (x: number) => number, low: number, high: number): number {
  for (let i = 0; i < 200 && high - low > 1e-15; i++) {
    const middle = (low + high) / 2
    if (f(middle) >= 0) high = middle
    else low = middle
  }
  return high
}
