import quantile from '@stdlib/stats-base-dists-normal-quantile'
import type { ArmCounts } from './check-arm.ts'
import { wilsonInterval } from './wilson-interval.ts'

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions p_t − p_c
 * (Newcombe 1998, Stat Med 17:873–890, method 10): with Wilson intervals (l_t, u_t) and (l_c, u_c)
 * at z = z_{1−α/2},
 *
 *   L = d − √( (p_t − l_t)² + (u_c − p_c)² ),   U = d + √( (u_t − p_t)² + (p_c − l_c)² ),   d = p_t − p_c.
 *
 * Table II of the paper: 56/70 − 48/80 → (0.0524, 0.3339); 9/10 − 3/10 → (0.1705, 0.8090).
 */
export function newcombeInterval(target: ArmCounts, control: ArmCounts, alpha: number): [number, number] {
  const z = quantile(1 - alpha / 2, 0, 1)
  const pt = target.x / target.n
  const pc = control.x / control.n
  const [lt, ut] = wilsonInterval(target.x, target.n, z)
  const [lc, uc] = wilsonInterval(control.x, control.n, z)
  const d = pt - pc
  return [d - Math.hypot(pt - lt, uc - pc), d + Math.hypot(ut - pt, pc - lc)]
}
