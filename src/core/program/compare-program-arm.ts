import type { ArmComparison } from '../../contract/program-results-schemas.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { compareProportions } from '../stats/compare-proportions.ts'
import { welchInterval } from '../stats/welch-interval.ts'

/** One group of an arm on one response type: members, responders, and the values' mean and sample variance per member. */
export type ArmGroupCounts = { members: number; responders: number; mean: number; variance: number }

export type CompareProgramArmInput = {
  arm: string
  wave: number
  offer: string | null
  response: ResponseType
  target: ArmGroupCounts
  control: ArmGroupCounts
}

/**
 * An arm's target against its control on one response: the rate's uplift by compareProportions
 * (Newcombe's interval, the pooled z-test or Fisher's), and the value per member by Welch's
 * interval when both groups' values vary (a type without values, such as a visit, has none).
 */
export function compareProgramArm(input: CompareProgramArmInput): ArmComparison {
  const { target, control } = input
  const rates = compareProportions({ target: { n: target.members, x: target.responders }, control: { n: control.members, x: control.responders } })
  const varies = target.variance > 0 && control.variance > 0
  const welch = varies ? welchInterval({ n: target.members, mean: target.mean, variance: target.variance }, { n: control.members, mean: control.mean, variance: control.variance }) : undefined
  return {
    arm: input.arm,
    wave: input.wave,
    offer: input.offer,
    response: input.response,
    members: target.members,
    responders: target.responders,
    rate: rates.target.rate,
    uplift: rates.uplift,
    ci: rates.ci,
    p: rates.p,
    test: rates.test,
    value_per_member: target.mean,
    control: { members: control.members, responders: control.responders, rate: rates.control.rate, value_per_member: control.mean },
    value_uplift: welch ? { difference: welch.difference, ci: welch.ci, p: welch.p } : null,
  }
}
