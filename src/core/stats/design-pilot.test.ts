import { describe, expect, it } from 'vitest'
import { designPilot } from './design-pilot.ts'
import { detectableUplift } from './detectable-uplift.ts'

// Built from pilotSize and detectableUplift (each checked against statsmodels); this checks the
// split of the selection and the warning, by hand: 100,000 × 10% = 10,000 control, 90,000 target.

const sizing = { baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.1 }

describe('designPilot', () => {
  it('fits 41,855 + 4,651 in a selection of 100,000 and samples 46.5% of it', () => {
    const design = designPilot({ ...sizing, audience: 100_000 })
    expect(design).toMatchObject({ required: { target: 41855, control: 4651 }, available: { target: 90000, control: 10000 }, enough: true })
    expect(design.sampleShare).toBeCloseTo(0.46506, 5)
    expect(design.detectableUplift).toBeCloseTo(detectableUplift({ baseline: 0.05, target: 90000, control: 10000, alpha: 0.05, power: 0.8 }), 12)
    expect(design.detectableUplift).toBeLessThan(0.01)
  })

  it('warns when the selection is too small, and says what it could detect instead', () => {
    const design = designPilot({ ...sizing, audience: 30_000 })
    expect(design.enough).toBe(false)
    expect(design.available).toEqual({ target: 27000, control: 3000 })
    expect(design.detectableUplift).toBeGreaterThan(0.01)
  })

  it('has no detectable uplift for a selection too small to split', () => {
    expect(designPilot({ ...sizing, audience: 4 })).toMatchObject({ enough: false, detectableUplift: null })
    expect(() => designPilot({ ...sizing, audience: -1 })).toThrow(/audience/)
  })
})
