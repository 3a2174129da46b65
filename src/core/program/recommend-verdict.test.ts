import { describe, expect, it } from 'vitest'
import { recommendVerdict } from './recommend-verdict.ts'

// Each branch of the rule, and its edges (a bound exactly at zero or at break-even does not pass).
describe('recommendVerdict', () => {
  const srm = { p: 0.4, blocked: false }
  it.each([
    ['roll out: the profit’s lower bound is above zero', [0.004, 0.03], [1, 100], 0.001, 'rollout', { code: 'verdict.rollout', profitLow: 0.01 }],
    ['a profit of exactly zero at the lower bound is not enough', [0.001, 0.03], [0, 100], 0.001, 'extend', { code: 'verdict.extend', profitLow: 0, upliftHigh: 0.03, breakEven: 0.001 }],
    ['stop: the uplift’s upper bound is below break-even', [-0.02, 0.0009], [-500, -10], 0.001, 'stop', { code: 'verdict.stop', upliftHigh: 0.0009, breakEven: 0.001 }],
    ['an upper bound at break-even still extends', [-0.02, 0.001], [-500, 0], 0.001, 'extend', { code: 'verdict.extend', profitLow: -5, upliftHigh: 0.001, breakEven: 0.001 }],
    ['a product that earns nothing stops', [0.01, 0.03], [-500, -10], null, 'stop', { code: 'verdict.stop_no_earning' }],
  ] as const)('%s', (_name, upliftCi, profitCi, breakEvenUplift, recommendation, reason) => {
    expect(recommendVerdict({ upliftCi, profitCi, breakEvenUplift, srm })).toEqual({ recommendation, reason })
  })

  it('an unexplained sample-ratio mismatch blocks even a clear profit', () => {
    expect(recommendVerdict({ upliftCi: [0.01, 0.03], profitCi: [100, 200], breakEvenUplift: 0.001, srm: { p: 1e-9, blocked: true } })).toEqual({
      recommendation: 'blocked',
      reason: { code: 'verdict.blocked_srm', p: 1e-9 },
    })
  })
})
