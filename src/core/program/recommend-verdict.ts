import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { VerdictRecommendation } from '../../contract/verdict-recommendations.ts'
import { roublesFromKopecks, type Kopecks } from './kopecks.ts'

export type RecommendVerdictInput = {
  /** The uplift's interval (Newcombe's) at 1 − α. */
  upliftCi: readonly [number, number]
  /** The incremental profit's interval, kopecks (priceVerdict). */
  profitCi: readonly [Kopecks, Kopecks]
  /** The business case's break-even uplift; null when the product earns nothing. */
  breakEvenUplift: number | null
  /** The sample-ratio-mismatch check's p, and whether it blocks: p < 0.001 and nobody has explained it yet. */
  srm: { p: number; blocked: boolean }
}

export type Recommendation = {
  recommendation: VerdictRecommendation
  /** The rule that decided, in words (contract/messages: verdict.*). */
  reason: Reason<'verdict.rollout' | 'verdict.stop' | 'verdict.stop_no_earning' | 'verdict.extend' | 'verdict.blocked_srm'>
}

/**
 * The one rule tied to money, in this order:
 *   1. an unexplained sample-ratio mismatch blocks: the groups are not what was designed;
 *   2. roll out when the lower bound of the incremental profit is above zero — even the
 *      pessimistic end of the interval earned more than the contacts cost;
 *   3. stop when the upper bound of the uplift is below the break-even uplift — even the
 *      optimistic end would not pay for the program (and always when the product earns nothing);
 *   4. otherwise extend: the interval still holds both a profit and a loss.
 * 2 and 3 cannot both hold while the break-even uplift is the case's own: a profit above zero needs
 * an uplift above break-even.
 */
export function recommendVerdict(input: RecommendVerdictInput): Recommendation {
  const { upliftCi, profitCi, breakEvenUplift, srm } = input
  if (srm.blocked) return { recommendation: 'blocked', reason: reason('verdict.blocked_srm', { p: srm.p }) }
  if (profitCi[0] > 0) return { recommendation: 'rollout', reason: reason('verdict.rollout', { profitLow: roublesFromKopecks(profitCi[0]) }) }
  if (breakEvenUplift === null) return { recommendation: 'stop', reason: reason('verdict.stop_no_earning') }
  if (upliftCi[1] < breakEvenUplift) return { recommendation: 'stop', reason: reason('verdict.stop', { upliftHigh: upliftCi[1], breakEven: breakEvenUplift }) }
  return { recommendation: 'extend', reason: reason('verdict.extend', { profitLow: roublesFromKopecks(profitCi[0]), upliftHigh: upliftCi[1], breakEven: breakEvenUplift }) }
}
