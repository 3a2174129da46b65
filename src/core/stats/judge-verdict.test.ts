import { describe, expect, it } from 'vitest'
import { readHillstrom } from '../../../test/read-hillstrom.ts'
import { summarizeValues } from '../../../test/summarize-values.ts'
import { DomainError } from '../domain-error.ts'
import { judgeVerdict } from './judge-verdict.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Hillstrom's men's e-mail against no e-mail, as a pilot with two response types and spend as the
// value, every number against the python references (reference/stats_reference.py): the verdict
// only puts the checked pieces together, so this checks that it puts each in its place.

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const { mens, control } = readHillstrom()
const visits = reference.comparisons.find((c) => c.target_x === 3894)!
const conversions = reference.comparisons.find((c) => c.target_x === 267)!

describe('judgeVerdict', () => {
  const verdict = judgeVerdict({
    members: { target: mens.n, control: control.n },
    controlShare: 0.5,
    responses: [
      { type: 'visit', responders: { target: sum(mens.visit), control: sum(control.visit) } },
      {
        type: 'conversion',
        responders: { target: sum(mens.conversion), control: sum(control.conversion) },
        values: { target: summarizeValues(mens.spend, mens.history), control: summarizeValues(control.spend, control.history) },
      },
    ],
    monitoring: { planned: { target: 21307, control: 21306, baseline: 0.106 } },
  })
  const [visit, conversion] = verdict.responses

  it('checks the split once for the wave: 21,307 / 21,306 against 50/50 is no mismatch', () => {
    expect(verdict.srm.p).toBeCloseTo(reference.srm[0]!.p, 12)
    expect(verdict.srm.blocked).toBe(false)
  })

  it('gives each type its arms, uplift, Newcombe interval, test and Holm-adjusted p', () => {
    expect(visit).toMatchObject({ type: 'visit', arms: { target: { n: 21307, responders: 3894 }, control: { n: 21306, responders: 2262 } }, test: 'z', significant: true })
    expect(visit!.uplift.toFixed(5)).toBe('0.07659')
    expect(visit!.ci[0]).toBeCloseTo(visits.newcombe[0]!, 12)
    expect(conversion!.ci[1]).toBeCloseTo(conversions.newcombe[1]!, 12)
    // Holm over two: the smaller p doubled, the larger kept (it is above twice the smaller).
    expect(visit!.pAdjusted / (2 * visits.p_z)).toBeCloseTo(1, 6)
    expect(conversion!.pAdjusted / conversions.p_z).toBeCloseTo(1, 6)
  })

  it('counts the incremental responders with their interval: uplift × the target’s members', () => {
    expect(visit!.incrementalResponders.estimate).toBeCloseTo(visits.uplift * 21307, 6)
    expect(visit!.incrementalResponders.ci[0]).toBeCloseTo(visits.newcombe[0]! * 21307, 6)
    expect(visit!.incrementalResponders.estimate.toFixed(0)).toBe('1632')
  })

  it('adds Welch’s interval for the value and its CUPED adjustment when the covariate is given', () => {
    expect(visit!.values).toBeUndefined()
    expect(conversion!.values!.welch.ci[0]).toBeCloseTo(reference.welch[0]!.ci[0]!, 10)
    expect(conversion!.values!.cuped!.adjusted.ci[1]).toBeCloseTo(reference.cuped[0]!.after.ci[1]!, 9)
    expect(conversion!.values!.cuped!.widthRatio).toBeCloseTo(reference.cuped[0]!.width_ratio, 9)
  })

  it('adds the always-valid interval when monitored', () => {
    expect(visit!.alwaysValid!.ci[0]).toBeCloseTo(reference.always_valid[1]!.ci[0]!, 10)
    expect(visit!.alwaysValid!.widthRatio).toBeCloseTo(reference.always_valid[1]!.width_ratio, 9)
  })

  it('blocks on a sample-ratio mismatch and leaves one type’s p unadjusted', () => {
    const blocked = judgeVerdict({ members: { target: 9200, control: 800 }, controlShare: 0.1, responses: [{ type: 'visit', responders: { target: 460, control: 30 } }] })
    expect(blocked.srm.blocked).toBe(true)
    expect(blocked.responses[0]!.pAdjusted).toBe(blocked.responses[0]!.p)
  })

  it('refuses a type given twice', () => {
    const twice = () => judgeVerdict({ members: { target: 10, control: 10 }, controlShare: 0.5, responses: [{ type: 'visit', responders: { target: 1, control: 1 } }, { type: 'visit', responders: { target: 2, control: 1 } }] })
    expect(twice).toThrow(DomainError)
    expect(twice).toThrow(/visit is given twice/)
  })
})
