import tcdf from '@stdlib/stats-base-dists-t-cdf'
import tquantile from '@stdlib/stats-base-dists-t-quantile'
import { reason } from '../../contract/reason-codes.ts'
import { checkLevels } from './check-levels.ts'
import type { MeanSummary } from './mean-summary.ts'
import { statsInputError } from './stats-input-error.ts'

export type WelchResult = {
  /** x̄_t − x̄_c. */
  difference: number
  se: number
  /** The Welch–Satterthwaite degrees of freedom. */
  df: number
  t: number
  p: number
  ci: [number, number]
}

/**
 * The difference of two means with Welch's interval and test (Welch 1947; Satterthwaite 1946), as
 * scipy's ttest_ind(equal_var=False) and statsmodels' CompareMeans(usevar='unequal'):
 *
 *   se = √( s_t²/n_t + s_c²/n_c ),   ν = se⁴ / ( (s_t²/n_t)²/(n_t − 1) + (s_c²/n_c)²/(n_c − 1) ),
 *   t = (x̄_t − x̄_c)/se,   p = 2·T_ν(−|t|),   CI = x̄_t − x̄_c ± t_{ν, 1−α/2}·se.
 */
export function welchInterval(target: MeanSummary, control: MeanSummary, alpha = 0.05): WelchResult {
  checkLevels({ alpha })
  for (const [field, arm] of [['target', target], ['control', control]] as const) {
    if (!Number.isSafeInteger(arm.n) || arm.n < 2) throw statsInputError(reason('stats.too_few_members', { field, min: 2 }))
    if (!Number.isFinite(arm.mean)) throw statsInputError(reason('stats.not_number', { field: `${field}_mean`, value: String(arm.mean) }))
    if (!(arm.variance >= 0)) throw statsInputError(reason('stats.not_number', { field: `${field}_variance`, value: String(arm.variance) }))
  }
  const vt = target.variance / target.n
  const vc = control.variance / control.n
  if (vt + vc === 0) throw statsInputError(reason('stats.no_variance', { field: 'values' }))
  const se = Math.sqrt(vt + vc)
  const df = (vt + vc) ** 2 / (vt ** 2 / (target.n - 1) + vc ** 2 / (control.n - 1))
  const difference = target.mean - control.mean
  const t = difference / se
  const half = tquantile(1 - alpha / 2, df) * se
  return { difference, se, df, t, p: Math.min(1, 2 * tcdf(-Math.abs(t), df)), ci: [difference - half, difference + half] }
}
