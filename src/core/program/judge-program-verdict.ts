import { judgeVerdict, type ResponseVerdict, type VerdictResponseInput } from '../stats/judge-verdict.ts'
import type { SampleRatioMismatch } from '../stats/sample-ratio-mismatch.ts'
import { multiplyKopecks, type Kopecks } from './kopecks.ts'
import { priceVerdict, type PricedVerdict } from './price-verdict.ts'
import { recommendVerdict, type Recommendation } from './recommend-verdict.ts'

/** What the business case says a pilot's responders are worth. */
export type VerdictEconomics = {
  /** The share of responders who open the product (the case's conversion). */
  conversion: number
  valuePerProduct: Kopecks
  /** What one contacted client costs: the case's channels. */
  channelCosts: readonly { costPerContact: Kopecks; contactsPerClient: number }[]
  breakEvenUplift: number | null
}

export type JudgeProgramVerdictInput = {
  members: { target: number; control: number }
  controlShare: number
  responses: readonly VerdictResponseInput[]
  economics: VerdictEconomics
  /** Someone has recorded why the split is off: a mismatch no longer blocks. */
  srmExplained: boolean
  alpha?: number
  /**
   * A head who looks every day: each type also gets the always-valid interval (judgeVerdict), and
   * the recommendation reads that interval, priced the same way, instead of the fixed-horizon one.
   */
  monitoring?: { planned: { target: number; control: number; baseline: number } }
}

export type ProgramResponseVerdict = Omit<ResponseVerdict, 'alwaysValid'> & PricedVerdict & Recommendation & {
  conversion: number
  /** With monitoring: the always-valid interval of the uplift, and the incremental profit's interval it gives (kopecks). */
  alwaysValid?: NonNullable<ResponseVerdict['alwaysValid']> & { incrementalProfit: { ci: [Kopecks, Kopecks] } }
}

export type ProgramVerdict = {
  alpha: number
  srm: SampleRatioMismatch & { explained: boolean }
  /** The target's contacts as the business case costs them: n_t × Σ cost per contact × contacts per client. */
  waveCost: Kopecks
  responses: ProgramResponseVerdict[]
}

/** A `conversion` response is the product opened: every such responder is a product. */
const conversionOf = (type: string, economics: VerdictEconomics) => (type === 'conversion' ? 1 : economics.conversion)

/**
 * The pilot's verdict in money, per response type: the statistics (judgeVerdict), the incremental
 * profit with its interval (priceVerdict: incremental responders × conversion × value per product −
 * the wave's cost) and the recommendation by the one rule of recommendVerdict. The wave's cost is
 * its contacts only: the fixed costs were spent on the pilot and a rollout does not spend them again.
 * Monitored, the rule reads the always-valid interval: the one a daily look does not fool.
 */
export function judgeProgramVerdict(input: JudgeProgramVerdictInput): ProgramVerdict {
  const { members, economics, srmExplained } = input
  const verdict = judgeVerdict({ members, controlShare: input.controlShare, responses: input.responses, alpha: input.alpha, monitoring: input.monitoring })
  const waveCost = economics.channelCosts.reduce((sum, c) => sum + multiplyKopecks(c.costPerContact, members.target * c.contactsPerClient), 0)
  const srm = { ...verdict.srm, explained: srmExplained }
  return {
    alpha: verdict.alpha,
    srm,
    waveCost,
    responses: verdict.responses.map((response) => {
      const conversion = conversionOf(response.type, economics)
      const price = (responders: ResponseVerdict['incrementalResponders']) => priceVerdict({ incrementalResponders: responders, conversion, valuePerProduct: economics.valuePerProduct, waveCost })
      const priced = price(response.incrementalResponders)
      const { alwaysValid: sequence, ...statistics } = response
      const alwaysValid = sequence && {
        ...sequence,
        incrementalProfit: { ci: price({ estimate: response.incrementalResponders.estimate, ci: [sequence.ci[0] * members.target, sequence.ci[1] * members.target] }).incrementalProfit.ci },
      }
      const recommendation = recommendVerdict({
        upliftCi: alwaysValid?.ci ?? response.ci,
        profitCi: alwaysValid?.incrementalProfit.ci ?? priced.incrementalProfit.ci,
        breakEvenUplift: economics.breakEvenUplift,
        srm: { p: srm.p, blocked: srm.blocked && !srmExplained },
      })
      return { ...statistics, conversion, ...priced, ...(alwaysValid && { alwaysValid }), ...recommendation }
    }),
  }
}
