import quantile from '@stdlib/stats-base-dists-normal-quantile'
import { reason } from '../../contract/reason-codes.ts'
import { checkArm, type ArmCounts } from './check-arm.ts'
import { checkLevels } from './check-levels.ts'
import { statsInputError } from './stats-input-error.ts'

export type AlwaysValidInput = {
  target: ArmCounts
  control: ArmCounts
  alpha?: number
  /** The pilot as designed, fixed before the first look: the mixture is tuned to be tightest at its end. */
  planned: { target: number; control: number; baseline: number }
  /** The previous look's answer: the interval is intersected with it and p is the running minimum. */
  previous?: { ci: [number, number]; p: number }
}

export type AlwaysValidInterval = {
  ci: [number, number]
  /** The always-valid p of "no uplift": reject at α whenever it falls below α, at any look. */
  p: number
  /** The mixture's variance τ² on the scale of the uplift. */
  tau2: number
  /** This look's half-width over the fixed-horizon z·√V one: the price of looking every day. */
  widthRatio: number
}

/**
 * An always-valid confidence sequence for the uplift p_t − p_c that a head may look at every day:
 * the two-sided normal-mixture boundary (Robbins 1970; Howard, Ramdas, McAuliffe & Sekhon 2021,
 * "Time-uniform, nonparametric, nonasymptotic confidence sequences",) — the same as the
 * mixture SPRT of Johari, Koomen, Pekelis & Walsh 2017 ("Peeking at A/B tests") with a N(0, τ²)
 * mixture. With Δ̂ the observed uplift and V = p_t q_t/n_t + p_c q_c/n_c its estimated variance:
 *
 *   Δ̂ ± √( V(V + τ²)/τ² · ( ln((V + τ²)/V) + 2 ln(1/α) ) ),
 *   Λ = √(V/(V + τ²)) · exp( τ²Δ̂² / (2V(V + τ²)) ),   p = min(1, 1/Λ),
 *
 * valid simultaneously over all looks (asymptotically, V being estimated: Waudby-Smith et al. 2021,
 * "Time-uniform central limit theory and asymptotic confidence sequences"). τ² = u·V_plan with
 * u = ln(1 + u) + 2 ln(1/α) minimises the width at the planned size V_plan = p₀q₀(1/n_t + 1/n_c):
 * there it is about 1.55 times the fixed-horizon interval at α 0.05.
 */
export function alwaysValidInterval(input: AlwaysValidInput): AlwaysValidInterval {
  const { target, control, alpha = 0.05, planned, previous } = input
  checkArm('target', target)
  checkArm('control', control)
  checkLevels({ alpha })
  if (!(planned.baseline > 0 && planned.baseline < 1)) throw statsInputError(reason('stats.bad_rate', { field: 'baseline', value: String(planned.baseline) }))
  for (const [field, size] of [['planned_target', planned.target], ['planned_control', planned.control]] as const) {
    if (!Number.isSafeInteger(size) || size < 1) throw statsInputError(reason('stats.bad_count', { field, value: String(size) }))
  }

  const logInverseAlpha = Math.log(1 / alpha)
  let u = 2 * logInverseAlpha
  for (let i = 0; i < 100; i++) u = Math.log1p(u) + 2 * logInverseAlpha // a contraction: |d/du| = 1/(1 + u) < 1
  const tau2 = u * planned.baseline * (1 - planned.baseline) * (1 / planned.target + 1 / planned.control)

  const pt = target.x / target.n
  const pc = control.x / control.n
  const uplift = pt - pc
  const v = (pt * (1 - pt)) / target.n + (pc * (1 - pc)) / control.n
  // Nobody (or everybody) responded in both arms: no spread to estimate from, nothing is ruled out yet.
  const half = v === 0 ? Infinity : Math.sqrt(((v * (v + tau2)) / tau2) * (Math.log((v + tau2) / v) + 2 * logInverseAlpha))
  const logLikelihoodRatio = v === 0 ? 0 : 0.5 * Math.log(v / (v + tau2)) + (tau2 * uplift * uplift) / (2 * v * (v + tau2))
  const here: [number, number] = [Math.max(-1, uplift - half), Math.min(1, uplift + half)]
  const ci: [number, number] = previous ? [Math.max(here[0], previous.ci[0]), Math.min(here[1], previous.ci[1])] : here
  const p = Math.min(1, Math.exp(-logLikelihoodRatio), previous?.p ?? 1)
  return { ci, p, tau2, widthRatio: v === 0 ? 1 : half / (quantile(1 - alpha / 2, 0, 1) * Math.sqrt(v)) }
}
