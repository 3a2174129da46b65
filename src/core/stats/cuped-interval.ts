import { reason } from '../../contract/reason-codes.ts'
import type { MeanSummary } from './mean-summary.ts'
import { statsInputError } from './stats-input-error.ts'
import { welchInterval, type WelchResult } from './welch-interval.ts'

/** One arm's outcome Y with its pre-period covariate X, as PostgreSQL's avg, var_samp and covar_samp give them. */
export type CupedSummary = MeanSummary & {
  meanX: number
  varianceX: number
  /** The sample covariance of Y and X, n − 1 in the denominator. */
  covariance: number
}

export type CupedResult = {
  /** θ = cov(Y, X)/var(X) over both groups together. */
  theta: number
  /** Welch on Y itself, and on the adjusted Y − θ(X − X̄). */
  unadjusted: WelchResult
  adjusted: WelchResult
  /** 1 − Var(adjusted difference)/Var(difference). */
  varianceReduction: number
  /** Width of the adjusted interval over the unadjusted one (below 1: narrower). */
  widthRatio: number
}

/**
 * CUPED variance reduction with a pre-period covariate (Deng, Xu, Kohavi & Walker 2013, "Improving
 * the sensitivity of online controlled experiments by utilizing pre-experiment data"):
 *
 *   θ = cov(Y, X)/var(X)   pooled over both groups (X precedes the contact, so its law is the same in both),
 *   Y′ = Y − θ(X − X̄),     X̄ the mean of X over both groups,
 *
 * then Welch's interval on Y′. Per arm Ȳ′ = Ȳ − θ(X̄_arm − X̄) and
 * s²(Y′) = s²(Y) − 2θ·cov(Y, X) + θ²·s²(X) exactly, so summaries suffice. The pooled moments come
 * from the arms' by the parallel-axis rule: Σ(n − 1)·cov_arm + Σ n·(Ȳ_arm − Ȳ)(X̄_arm − X̄), over N − 1.
 */
export function cupedInterval(target: CupedSummary, control: CupedSummary, alpha = 0.05): CupedResult {
  const arms = [target, control]
  const total = target.n + control.n
  const meanY = (target.n * target.mean + control.n * control.mean) / total
  const meanX = (target.n * target.meanX + control.n * control.meanX) / total
  const pooled = (own: (a: CupedSummary) => number, between: (a: CupedSummary) => number) =>
    arms.reduce((sum, a) => sum + (a.n - 1) * own(a) + a.n * between(a), 0) / (total - 1)
  const varianceX = pooled((a) => a.varianceX, (a) => (a.meanX - meanX) ** 2)
  const covariance = pooled((a) => a.covariance, (a) => (a.mean - meanY) * (a.meanX - meanX))
  if (!(varianceX > 0)) throw statsInputError(reason('stats.no_variance', { field: 'covariate' }))
  const theta = covariance / varianceX

  const adjust = (a: CupedSummary): MeanSummary => ({
    n: a.n,
    mean: a.mean - theta * (a.meanX - meanX),
    variance: Math.max(0, a.variance - 2 * theta * a.covariance + theta * theta * a.varianceX),
  })
  const unadjusted = welchInterval(target, control, alpha)
  const adjusted = welchInterval(adjust(target), adjust(control), alpha)
  return {
    theta,
    unadjusted,
    adjusted,
    varianceReduction: 1 - (adjusted.se / unadjusted.se) ** 2,
    widthRatio: (adjusted.ci[1] - adjusted.ci[0]) / (unadjusted.ci[1] - unadjusted.ci[0]),
  }
}
