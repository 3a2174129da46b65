import { reason } from '../../contract/reason-codes.ts'
import { checkLevels } from './check-levels.ts'
import { detectionThreshold } from './detection-threshold.ts'
import { statsInputError } from './stats-input-error.ts'

export type PilotSizeInput = {
  /** The control's expected response rate, in (0, 1). */
  baseline: number
  /** The smallest absolute uplift worth detecting (0.01 = one percentage point); baseline + uplift in (0, 1). */
  uplift: number
  alpha: number
  power: number
  /** The control's share of the pilot, n_c/(n_t + n_c), in (0, 1). */
  controlShare: number
}

export type PilotSize = {
  target: number
  control: number
  /** The sizes before rounding up: n_t and n_c = r·n_t. */
  exact: { target: number; control: number }
}

/** No bank has more clients than this: a pilot past it is a request that cannot be met. */
const MAX_MEMBERS = 1e9

/**
 * Target and control sizes for a two-sided two-proportion z-test with an unequal split — the normal
 * approximation with the pooled variance under H0 (Fleiss, Levin & Paik 2003, §4.2; the same as
 * statsmodels' samplesize_proportions_2indep_onetail with ratio = n_c/n_t). With r = c/(1 − c):
 *
 *   n_t = [ z_{1−α/2}·√( p̄(1−p̄)(1 + 1/r) ) + z_{power}·√( p_t(1−p_t) + p_c(1−p_c)/r ) ]² / Δ²,
 *   n_c = r·n_t,   p̄ = (p_t + r·p_c)/(1 + r)   (the pooled rate of the designed groups).
 *
 * Each group is rounded up on its own (each must reach its size): 5% → 6%, α 0.05, power 0.8 gives
 * n_t = n_c = 8157.73 → 8,158 each; with a 10% control share n_t = 41854.88 → 41,855 and
 * n_c = 4650.54 → 4,651.
 */
export function pilotSize(input: PilotSizeInput): PilotSize {
  const { baseline, uplift, alpha, power, controlShare } = input
  if (!(baseline > 0 && baseline < 1)) throw statsInputError(reason('stats.bad_rate', { field: 'baseline', value: String(baseline) }))
  if (!Number.isFinite(uplift)) throw statsInputError(reason('stats.not_number', { field: 'uplift', value: String(uplift) }))
  if (uplift === 0) throw statsInputError(reason('stats.zero_uplift', { field: 'uplift' }))
  if (!(baseline + uplift > 0 && baseline + uplift < 1)) throw statsInputError(reason('stats.rate_beyond_bounds', { baseline, uplift }))
  if (!(controlShare > 0 && controlShare < 1)) throw statsInputError(reason('stats.bad_share', { field: 'control_share', value: String(controlShare) }))
  checkLevels({ alpha, power })

  const ratio = controlShare / (1 - controlShare)
  // The threshold scales as 1/√n_t when n_c = r·n_t, so one evaluation at n_t = 1 gives the size.
  const perMember = detectionThreshold({ baseline, uplift, target: 1, control: ratio, alpha, power })
  const target = (perMember / uplift) ** 2
  const control = ratio * target
  if (!(target + control <= MAX_MEMBERS)) throw statsInputError(reason('stats.too_large', { field: 'uplift', limit: MAX_MEMBERS }))
  return { target: roundUp(target), control: roundUp(control), exact: { target, control } }
}

/** Up to a whole member, forgiving the last bits of floating-point noise (8158.000000000001 is 8158). */
function roundUp(size: number): number {
  return Math.max(1, Math.ceil(size * (1 - 1e-12)))
}
