import quantile from '@stdlib/stats-base-dists-normal-quantile'

export type DetectionThresholdInput = {
  /** The control's response rate p_c. */
  baseline: number
  /** The absolute uplift Δ: the target's rate is p_t = p_c + Δ. */
  uplift: number
  /** Group sizes; they may be fractional (a size in the making). */
  target: number
  control: number
  alpha: number
  power: number
}

/**
 * The smallest observed difference that a two-sided two-proportion z-test at level α detects with
 * the given power — the normal approximation with the pooled variance under H0 (Fleiss, Levin & Paik,
 * "Statistical Methods for Rates and Proportions", 3rd ed., §4.2; statsmodels'
 * power_proportions_2indep):
 *
 *   z_{1−α/2}·√( p̄(1−p̄)(1/n_t + 1/n_c) ) + z_{power}·√( p_t(1−p_t)/n_t + p_c(1−p_c)/n_c ),
 *   p̄ = (n_t·p_t + n_c·p_c)/(n_t + n_c).
 *
 * A design detects Δ when this is at most |Δ|. (The far tail's power, below 10⁻⁹ at these sizes, is left out.)
 */
export function detectionThreshold(input: DetectionThresholdInput): number {
  const { baseline: pc, uplift, target: nt, control: nc, alpha, power } = input
  const pt = pc + uplift
  const pooled = (nt * pt + nc * pc) / (nt + nc)
  const underNull = Math.sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc))
  const underAlternative = Math.sqrt((pt * (1 - pt)) / nt + (pc * (1 - pc)) / nc)
  return quantile(1 - alpha / 2, 0, 1) * underNull + quantile(power, 0, 1) * underAlternative
}
