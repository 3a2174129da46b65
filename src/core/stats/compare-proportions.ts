import { checkArm, type ArmCounts } from './check-arm.ts'
import { checkLevels } from './check-levels.ts'
import { fisherExactTest } from './fisher-exact-test.ts'
import { newcombeInterval } from './newcombe-interval.ts'
import { relativeUpliftInterval } from './relative-uplift-interval.ts'
import { twoProportionZTest } from './two-proportion-z-test.ts'

export type CompareProportionsInput = {
  target: ArmCounts
  control: ArmCounts
  /** 0.05 gives a 95% interval and a test at 5%. */
  alpha?: number
  /** Fisher's exact test even when every expected cell is 5 or more. */
  exact?: boolean
}

export type ProportionComparison = {
  target: { n: number; x: number; rate: number }
  control: { n: number; x: number; rate: number }
  /** p_t − p_c. */
  uplift: number
  /** (p_t − p_c)/p_c; null when the control has no responder. */
  relativeUplift: number | null
  /** Newcombe's hybrid score interval for the uplift at 1 − α. */
  ci: [number, number]
  /** The relative uplift's interval (Katz's log interval of the ratio, minus 1); null when an arm has no responder. */
  relativeCi: [number, number] | null
  p: number
  test: 'z' | 'fisher'
  /** The smallest expected cell of the 2×2 table under H0: Fisher's test is used below 5. */
  minExpected: number
}

/** Below this expected count in any cell the z-test's normal approximation is not trusted (Cochran's rule). */
const MIN_EXPECTED = 5

/**
 * Target against control on one response: rates, absolute and relative uplift, Newcombe's hybrid
 * score interval for the difference (newcombeInterval), Katz's for the ratio (relativeUpliftInterval), and the two-sided p of the pooled
 * two-proportion z-test — or of Fisher's exact test when an expected cell
 * E = (arm size × column total)/N is under 5, or when asked.
 */
export function compareProportions(input: CompareProportionsInput): ProportionComparison {
  const { target, control, alpha = 0.05, exact = false } = input
  checkArm('target', target)
  checkArm('control', control)
  checkLevels({ alpha })

  const rateT = target.x / target.n
  const rateC = control.x / control.n
  const total = target.n + control.n
  const responders = target.x + control.x
  const minExpected = (Math.min(target.n, control.n) * Math.min(responders, total - responders)) / total
  const useFisher = exact || minExpected < MIN_EXPECTED
  const p = useFisher ? fisherExactTest(target, control).p : twoProportionZTest(target, control).p
  return {
    target: { n: target.n, x: target.x, rate: rateT },
    control: { n: control.n, x: control.x, rate: rateC },
    uplift: rateT - rateC,
    relativeUplift: control.x === 0 ? null : (rateT - rateC) / rateC,
    ci: newcombeInterval(target, control, alpha),
    relativeCi: relativeUpliftInterval(target, control, alpha),
    p,
    test: useFisher ? 'fisher' : 'z',
    minExpected,
  }
}
