import factorialln from '@stdlib/math-base-special-factorialln'
import type { ArmCounts } from './check-arm.ts'

/** Tables whose probabilities differ by less than this (relative) count as equally likely, as in R's fisher.test. */
const TIE = 1 + 1e-7

/**
 * Fisher's exact test of a 2×2 table (arms × responded or not), two-sided as scipy.stats.fisher_exact
 * and R's fisher.test: given the margins, the responders of the target follow the hypergeometric law
 *
 *   P(k) = C(x, k)·C(N − x, n_t − k) / C(N, n_t),   N = n_t + n_c,  x = x_t + x_c,
 *
 * and p is the sum of P(k) over every k no more likely than the observed x_t (Agresti, "Categorical
 * Data Analysis", §3.5.1: the tea-tasting table [[3, 1], [1, 3]] gives p = 0.486). Summed in log
 * space from the mode, so large arms neither overflow nor underflow.
 */
export function fisherExactTest(target: ArmCounts, control: ArmCounts): { p: number } {
  const total = target.n + control.n
  const responders = target.x + control.x
  const logP = (k: number) =>
    factorialln(responders) - factorialln(k) - factorialln(responders - k) +
    factorialln(total - responders) - factorialln(target.n - k) - factorialln(total - responders - target.n + k) -
    (factorialln(total) - factorialln(target.n) - factorialln(control.n))
  const low = Math.max(0, target.n - (total - responders))
  const high = Math.min(target.n, responders)
  const logs = Array.from({ length: high - low + 1 }, (_, i) => logP(low + i))
  const largest = logs.reduce((a, b) => Math.max(a, b), -Infinity)
  const cutoff = logP(target.x) + Math.log(TIE)
  let all = 0
  let asExtreme = 0
  for (const log of logs) {
    const term = Math.exp(log - largest)
    all += term
    if (log <= cutoff) asExtreme += term
  }
  return { p: Math.min(1, asExtreme / all) }
}
