import cdf from '@stdlib/stats-base-dists-normal-cdf'
import type { ArmCounts } from './check-arm.ts'

/**
 * The two-sided two-proportion z-test with the pooled variance under H0 (Fleiss et al. 2003, §2.6;
 * statsmodels' proportions_ztest):
 *
 *   z = (p_t − p_c) / √( p̄(1−p̄)(1/n_t + 1/n_c) ),   p̄ = (x_t + x_c)/(n_t + n_c),   p = 2Φ(−|z|).
 *
 * With nobody or everybody responding the arms cannot differ: z = 0, p = 1.
 */
export function twoProportionZTest(target: ArmCounts, control: ArmCounts): { z: number; p: number } {
  const pooled = (target.x + control.x) / (target.n + control.n)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / target.n + 1 / control.n))
  if (se === 0) return { z: 0, p: 1 }
  const z = (target.x / target.n - control.x / control.n) / se
  return { z, p: Math.min(1, 2 * cdf(-Math.abs(z), 0, 1)) }
}
