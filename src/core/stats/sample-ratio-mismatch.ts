import gammainc from '@stdlib/math-base-special-gammainc'
import { reason } from '../../contract/reason-codes.ts'
import { statsInputError } from './stats-input-error.ts'

export type SampleRatioMismatchInput = {
  /** Members actually in each group. */
  target: number
  control: number
  /** The designed control share, n_c/(n_t + n_c). */
  controlShare: number
}

export type SampleRatioMismatch = { chi2: number; p: number; blocked: boolean }

/** The usual threshold (Kohavi, Tang & Xu, "Trustworthy Online Controlled Experiments", ch. 21): a real split misses it once in a thousand. */
export const SRM_THRESHOLD = 0.001

/**
 * The sample-ratio-mismatch check: Pearson's χ² goodness of fit of the member counts to the
 * designed split (scipy.stats.chisquare with f_exp), one degree of freedom:
 *
 *   χ² = Σ (O − E)²/E,   E_t = N(1 − c),  E_c = N·c,   p = Q(½, χ²/2)  (the upper regularized gamma),
 *
 * computed as the upper tail itself so that a gross mismatch shows its tiny p rather than 0.
 * `blocked` when p < 0.001: the groups are not what was designed, and the verdict waits for an explanation.
 */
export function sampleRatioMismatch(input: SampleRatioMismatchInput): SampleRatioMismatch {
  const { target, control, controlShare } = input
  for (const [field, count] of [['target_n', target], ['control_n', control]] as const) {
    if (!Number.isSafeInteger(count) || count < 0) throw statsInputError(reason('stats.bad_count', { field, value: String(count) }))
  }
  if (!(controlShare > 0 && controlShare < 1)) throw statsInputError(reason('stats.bad_share', { field: 'control_share', value: String(controlShare) }))
  const total = target + control
  if (total === 0) throw statsInputError(reason('stats.too_few_members', { field: 'wave', min: 1 }))
  const expectedTarget = total * (1 - controlShare)
  const expectedControl = total * controlShare
  const chi2 = (target - expectedTarget) ** 2 / expectedTarget + (control - expectedControl) ** 2 / expectedControl
  const p = chi2 === 0 ? 1 : gammainc(chi2 / 2, 0.5, true, true)
  return { chi2, p, blocked: p < SRM_THRESHOLD }
}
