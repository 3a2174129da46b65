import { describe, expect, it } from 'vitest'
import { rolloutPlanBody } from '../../contract/rollout-schemas.ts'
import { checkRolloutPlan } from './check-rollout-plan.ts'

const BODY = { operators: 5, callsPerHour: 12, hoursPerDay: 7, reachRate: 0.5, start: '2026-03-02', maxWaveSize: 1_000 }
const check = (changes: object) => () => checkRolloutPlan(rolloutPlanBody.parse({ ...BODY, ...changes }), ['call', 'sms'])

describe('checkRolloutPlan', () => {
  it('turns roubles into kopecks; no end and no budget given stay open', () => {
    expect(checkRolloutPlan(rolloutPlanBody.parse({ ...BODY, channelBudgets: [{ channel: 'call', budget: 300_000.5 }] }), ['call'])).toEqual({
      capacity: { operators: 5, callsPerHour: 12, hoursPerDay: 7, reachRate: 0.5 },
      start: '2026-03-02',
      end: null,
      maxWaveSize: 1_000,
      budget: undefined,
      channelBudgets: [{ channel: 'call', budget: 30_000_050 }],
    })
    expect(check({ operators: 0, reachRate: 1, budget: 0 })()).toMatchObject({ capacity: { operators: 0, reachRate: 1 }, budget: 0 })
  })

  it.each([
    [{ operators: -1 }, { code: 'rollout.not_whole', field: 'operators', value: -1, min: 0, max: 100_000 }],
    [{ operators: 2.5 }, { code: 'rollout.not_whole', field: 'operators', value: 2.5, min: 0, max: 100_000 }],
    [{ reachRate: 0 }, { code: 'rollout.not_positive', field: 'reachRate', value: 0, max: 1 }],
    [{ reachRate: 1.2 }, { code: 'rollout.not_positive', field: 'reachRate', value: 1.2, max: 1 }],
    [{ hoursPerDay: 25 }, { code: 'rollout.not_positive', field: 'hoursPerDay', value: 25, max: 24 }],
    [{ callsPerHour: 0 }, { code: 'rollout.not_positive', field: 'callsPerHour', value: 0, max: 600 }],
    [{ maxWaveSize: 0 }, { code: 'rollout.not_whole', field: 'maxWaveSize', value: 0, min: 1, max: 10_000_000 }],
    [{ end: '2026-03-01' }, { code: 'rollout.end_before_start', field: 'end' }],
    [{ end: '2029-03-02' }, { code: 'rollout.too_long', field: 'end', years: 3, last: '2029-03-01' }],
    [{ budget: -1 }, { code: 'case.negative_amount', field: 'budget', value: -1 }],
    [{ channelBudgets: [{ channel: 'sms', budget: 0.001 }] }, { code: 'case.not_kopecks', field: 'channelBudgets[0].budget', value: 0.001 }],
    [{ channelBudgets: [{ channel: 'letter', budget: 10 }] }, { code: 'rollout.unknown_channel', field: 'channelBudgets[0].channel', channel: 'letter' }],
    [{ channelBudgets: [{ channel: 'sms', budget: 10 }, { channel: 'sms', budget: 20 }] }, { code: 'case.duplicate_channel', field: 'channelBudgets[1].channel', channel: 'sms' }],
  ])('%j is refused: %j', (changes, details) => {
    expect(check(changes)).toThrow(expect.objectContaining({ code: 'invalid_input', details }))
  })
})
