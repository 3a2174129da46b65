import quantile from '@stdlib/stats-base-dists-normal-quantile'
import type { ArmCounts } from './check-arm.ts'

/**
 * The interval for the relative uplift p_t/p_c − 1 from the log interval of the risk ratio
 * (Katz, Baptista, Azen & Pike 1978; statsmodels' confint_proportions_2indep(compare='ratio', method='log')):
 *
 *   exp( ln(p_t/p_c) ± z_{1−α/2}·√( 1/x_t − 1/n_t + 1/x_c − 1/n_c ) ) − 1.
 *
 * Null when either arm has no responder: the ratio is then 0 or unbounded.
 */
export function relativeUpliftInterval(target: ArmCounts, control: ArmCounts, alpha: number): [number, number] | null {
  if (target.x === 0 || control.x === 0) return null
  const logRatio = Math.log(target.x / target.n / (control.x / control.n))
  const half = quantile(1 - alpha / 2, 0, 1) * Math.sqrt(1 / target.x - 1 / target.n + 1 / control.x - 1 / control.n)
  return [Math.exp(logRatio - half) - 1, Math.exp(logRatio + half) - 1]
}
