import { describe, expect, it } from 'vitest'
import { incrementalProfitCurve } from './incremental-profit-curve.ts'

// Hand-computed: scores 0.3, 0.1, −0.05, 0.02, 0.2 with a margin of 1 000 ₽ per response are worth
// 300, 100, −50, 20 and 200 ₽ before the contact's cost; best first: 0.3, 0.2, 0.1, 0.02, −0.05.
const scores = [0.3, 0.1, -0.05, 0.02, 0.2]

describe('incrementalProfitCurve', () => {
  it.each([
    // cost 50: 250, 150, 50, −30, −100 → running 250, 400, 450, 420, 320; break-even score 0.05.
    [50, [0, 250, 400, 450, 420, 320], 0.05, { clients: 3, profit: 450 }],
    // A free contact: every client with a positive score is worth it (the one put off is not).
    [0, [0, 300, 500, 600, 620, 570], 0, { clients: 4, profit: 620 }],
    // A contact dearer than any client's expected margin: target no one.
    [500, [0, -200, -500, -900, -1380, -1930], 0.5, { clients: 0, profit: 0 }],
  ])('contact cost %d ₽', (cost, profits, breakEven, best) => {
    const curve = incrementalProfitCurve({ scores, marginPerResponse: 1000, costPerContact: cost, steps: 5 })
    expect(curve.points.map((p) => p.clients)).toEqual([0, 1, 2, 3, 4, 5])
    curve.points.forEach((p, i) => {
      expect(p.profit).toBeCloseTo(profits[i], 9)
      expect(p.share).toBeCloseTo(i / 5, 12)
    })
    expect(curve.breakEvenScore).toBeCloseTo(breakEven, 12)
    expect(curve.best).toMatchObject({ clients: best.clients, profit: expect.closeTo(best.profit, 9) })
  })

  it('keeps the break-even point on a coarse curve', () => {
    const many = Array.from({ length: 1000 }, (_, i) => (i - 200) / 10000)
    const curve = incrementalProfitCurve({ scores: many, marginPerResponse: 1000, costPerContact: 25.5 })
    // Scores ≥ 0.0255 are those of i ≥ 455: 545 clients,
    // between the curve's 1% steps of 10 clients — the best point is added to them.
    expect(curve.best.clients).toBe(545)
    expect(curve.points.some((p) => p.clients === 545)).toBe(true)
    expect(Math.max(...curve.points.map((p) => p.profit))).toBeCloseTo(curve.best.profit, 9)
  })

  it('refuses a margin that is not positive', () => {
    expect(() => incrementalProfitCurve({ scores, marginPerResponse: 0, costPerContact: 1 })).toThrow(RangeError)
  })
})
