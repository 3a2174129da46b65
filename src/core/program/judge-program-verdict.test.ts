import { describe, expect, it } from 'vitest'
import { judgeProgramVerdict, type VerdictEconomics } from './judge-program-verdict.ts'

// The pilot of the business-case worked example (business-case-worked-example.ts): 9 000 in
// target, 1 000 in control, one SMS at 3.50 ₽ each; half of the responders take the cash loan,
// worth 1 801 042 kopecks discounted (855 000 a year for 3 years at 20%); the break-even uplift is
// 8 150 000 / (9 000 × 0.5 × 1 801 041.67). Expected numbers: judge-program-verdict.check.py
// (statsmodels' Newcombe interval, money in exact fractions), output in judge-program-verdict.check.txt.
const ECONOMICS: VerdictEconomics = {
  conversion: 0.5,
  valuePerProduct: 1_801_042,
  channelCosts: [{ costPerContact: 350, contactsPerClient: 1 }],
  breakEvenUplift: 0.0010055909,
}
const MEMBERS = { target: 9000, control: 1000 }

describe('judgeProgramVerdict (judge-program-verdict.check.txt)', () => {
  it.each([
    ['application', 450, 30, 158_943_780, [51_745_781, 240_552_439], [0.006773335954, 0.030069314068], 'rollout'],
    ['application', 300, 30, 23_865_630, [-81_396_647, 102_705_071], [-0.009654490976, 0.013060966431], 'extend'],
    ['application', 180, 30, -84_196_890, [-187_859_044, -7_756_732], [-0.022790392581, -0.000568403304], 'stop'],
    // A product opened is a product: conversion 1, so 90 responders are 90 loans.
    ['conversion', 360, 30, 158_943_780, [-53_148_367, 318_893_772], [-0.003084533346, 0.019867743988], 'extend'],
  ] as const)('%s %i/9000 against %i/1000 → %i kopecks, %s', (type, target, control, profit, profitCi, upliftCi, recommendation) => {
    const verdict = judgeProgramVerdict({ members: MEMBERS, controlShare: 0.1, responses: [{ type, responders: { target, control } }], economics: ECONOMICS, srmExplained: false })
    expect(verdict.waveCost).toBe(3_150_000)
    const [response] = verdict.responses
    expect(response!.ci[0]).toBeCloseTo(upliftCi[0], 10)
    expect(response!.ci[1]).toBeCloseTo(upliftCi[1], 10)
    expect(response!.incrementalProfit).toEqual({ estimate: profit, ci: profitCi })
    expect(response!.recommendation).toBe(recommendation)
  })

  it('blocks a split far from 90/10 until it is explained, then judges it', () => {
    const input = { members: { target: 9300, control: 700 }, controlShare: 0.1, responses: [{ type: 'application', responders: { target: 465, control: 21 } }], economics: ECONOMICS }
    const blocked = judgeProgramVerdict({ ...input, srmExplained: false })
    expect(blocked.srm).toMatchObject({ blocked: true, explained: false })
    expect(blocked.srm.p).toBeCloseTo(1.52397e-23, 27)
    expect(blocked.responses[0]).toMatchObject({ recommendation: 'blocked', reason: { code: 'verdict.blocked_srm' } })
    const explained = judgeProgramVerdict({ ...input, srmExplained: true })
    expect(explained.srm).toMatchObject({ blocked: true, explained: true })
    expect(explained.responses[0]).toMatchObject({ recommendation: 'rollout', incrementalProfit: { estimate: 164_241_906, ci: [30_244_560, 258_744_425] } })
  })

  it('a head who looks every day is told to extend what a single look would roll out: the rule reads the always-valid interval', () => {
    const input = { members: MEMBERS, controlShare: 0.1, responses: [{ type: 'application', responders: { target: 420, control: 30 } }], economics: ECONOMICS, srmExplained: false }
    const once = judgeProgramVerdict(input).responses[0]!
    expect(once).toMatchObject({ recommendation: 'rollout', incrementalProfit: { ci: [25_110_851, 213_001_091] } })
    expect(once.alwaysValid).toBeUndefined()
    const daily = judgeProgramVerdict({ ...input, monitoring: { planned: { target: 9000, control: 1000, baseline: 0.03 } } }).responses[0]!
    // The sequence's interval (always-valid-interval.ts) priced as the fixed one: ends × 9 000 × 0.5 × 1 801 042 − 3 150 000 kopecks.
    const [low, high] = daily.alwaysValid!.ci
    expect(low).toBeLessThan(once.ci[0])
    expect(high).toBeGreaterThan(once.ci[1])
    const price = (uplift: number) => Math.round(uplift * 9000 * 0.5 * 1_801_042) - 3_150_000
    expect(daily.alwaysValid!.incrementalProfit.ci[0]).toBeCloseTo(price(low), -1)
    expect(daily.alwaysValid!.incrementalProfit.ci[1]).toBeCloseTo(price(high), -1)
    expect(daily.alwaysValid!.widthRatio).toBeCloseTo(1.5487, 4)
    expect(daily).toMatchObject({ recommendation: 'extend', incrementalProfit: once.incrementalProfit, reason: { code: 'verdict.extend', profitLow: daily.alwaysValid!.incrementalProfit.ci[0] / 100 } })
  })
})
