import { reason } from '../../contract/reason-codes.ts'
import { alwaysValidInterval } from './always-valid-interval.ts'
import { compareProportions } from './compare-proportions.ts'
import { cupedInterval, type CupedSummary } from './cuped-interval.ts'
import { holmAdjust } from './holm-adjust.ts'
import type { MeanSummary } from './mean-summary.ts'
import { sampleRatioMismatch, type SampleRatioMismatch } from './sample-ratio-mismatch.ts'
import { statsInputError } from './stats-input-error.ts'
import { welchInterval, type WelchResult } from './welch-interval.ts'

/** One response type of a pilot: how many members of each group responded, and optionally a value per member. */
export type VerdictResponseInput = {
  type: string
  responders: { target: number; control: number }
  /**
   * A value per member (spend, balance; 0 for a non-responder) summarised per group. With the
   * pre-period covariate (CupedSummary) the difference is also CUPED-adjusted.
   */
  values?: { target: MeanSummary | CupedSummary; control: MeanSummary | CupedSummary }
}

export type JudgeVerdictInput = {
  /** The wave's members as they are, and the control share it was designed with. */
  members: { target: number; control: number }
  controlShare: number
  responses: readonly VerdictResponseInput[]
  alpha?: number
  /** Fisher's exact test for every type, not only where an expected cell is under 5. */
  exact?: boolean
  /** Daily looks: the pilot as designed, and each type's answer at the previous look. */
  monitoring?: { planned: { target: number; control: number; baseline: number }; previous?: Record<string, { ci: [number, number]; p: number }> }
}

export type ResponseVerdict = {
  type: string
  arms: { target: { n: number; responders: number; rate: number }; control: { n: number; responders: number; rate: number } }
  uplift: number
  relativeUplift: number | null
  /** Newcombe's interval for the uplift at 1 − α. */
  ci: [number, number]
  /** Katz's interval for the relative uplift; null when an arm has no responder. */
  relativeCi: [number, number] | null
  p: number
  test: 'z' | 'fisher'
  /** Holm-adjusted over the types judged together (= p for one type). */
  pAdjusted: number
  significant: boolean
  /**
   * Responders the program added in the pilot's target: uplift × n_t, with the interval ci × n_t.
   * Times a value per responder it is the incremental profit with its interval; for a rollout,
   * scale the uplift and its interval by the audience to be contacted instead.
   */
  incrementalResponders: { estimate: number; ci: [number, number] }
  values?: { welch: WelchResult; cuped?: { theta: number; adjusted: WelchResult; varianceReduction: number; widthRatio: number } }
  alwaysValid?: { ci: [number, number]; p: number; widthRatio: number }
}

export type Verdict = {
  alpha: number
  /** The member counts against the designed split; `blocked` holds the verdict until it is explained. */
  srm: SampleRatioMismatch
  responses: ResponseVerdict[]
}

/**
 * The statistics of a pilot's verdict screen, per response type: the arms and rates, uplift and
 * Newcombe's interval, the z-test or Fisher's exact test (compareProportions), Holm's adjustment when
 * several types are judged together (holmAdjust), the values' Welch interval and CUPED adjustment
 * (welchInterval, cupedInterval), the always-valid interval when monitored (alwaysValidInterval);
 * and once for the wave, the sample-ratio-mismatch check (sampleRatioMismatch). Money is not here:
 * the business case multiplies incrementalResponders by the value of a responder.
 */
export function judgeVerdict(input: JudgeVerdictInput): Verdict {
  const { members, controlShare, responses, alpha = 0.05, exact = false, monitoring } = input
  const srm = sampleRatioMismatch({ target: members.target, control: members.control, controlShare })
  const seen = new Set<string>()
  for (const response of responses) {
    if (seen.has(response.type)) throw statsInputError(reason('stats.duplicate_type', { type: response.type }))
    seen.add(response.type)
  }
  const compared = responses.map((response) =>
    compareProportions({
      target: { n: members.target, x: response.responders.target },
      control: { n: members.control, x: response.responders.control },
      alpha,
      exact,
    }),
  )
  const adjusted = holmAdjust(compared.map((c) => c.p))
  return {
    alpha,
    srm,
    responses: responses.map((response, i) => {
      const c = compared[i]!
      const verdict: ResponseVerdict = {
        type: response.type,
        arms: {
          target: { n: c.target.n, responders: c.target.x, rate: c.target.rate },
          control: { n: c.control.n, responders: c.control.x, rate: c.control.rate },
        },
        uplift: c.uplift,
        relativeUplift: c.relativeUplift,
        ci: c.ci,
        relativeCi: c.relativeCi,
        p: c.p,
        test: c.test,
        pAdjusted: adjusted[i]!,
        significant: adjusted[i]! < alpha,
        incrementalResponders: { estimate: c.uplift * c.target.n, ci: [c.ci[0] * c.target.n, c.ci[1] * c.target.n] },
      }
      if (response.values) verdict.values = judgeValues(response.values, alpha)
      if (monitoring) {
        const sequence = alwaysValidInterval({
          target: { n: c.target.n, x: c.target.x },
          control: { n: c.control.n, x: c.control.x },
          alpha,
          planned: monitoring.planned,
          previous: monitoring.previous?.[response.type],
        })
        verdict.alwaysValid = { ci: sequence.ci, p: sequence.p, widthRatio: sequence.widthRatio }
      }
      return verdict
    }),
  }
}

function judgeValues(values: NonNullable<VerdictResponseInput['values']>, alpha: number): NonNullable<ResponseVerdict['values']> {
  const welch = welchInterval(values.target, values.control, alpha)
  if (!('meanX' in values.target) || !('meanX' in values.control)) return { welch }
  const { theta, adjusted, varianceReduction, widthRatio } = cupedInterval(values.target, values.control, alpha)
  return { welch, cuped: { theta, adjusted, varianceReduction, widthRatio } }
}
