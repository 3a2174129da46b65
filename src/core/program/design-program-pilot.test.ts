import { describe, expect, it } from 'vitest'
import { BUSINESS_CASE_WORKED_EXAMPLE } from './business-case-worked-example.ts'
import { designProgramPilot } from './design-program-pilot.ts'

// Known answers: design-program-pilot.check.py (statsmodels for the sizes and the detectable
// uplift, the business case in exact fractions for the money), its output in
// design-program-pilot.check.txt. 5% → 6%, α 0.05, power 0.8, 10% control: 41,855 + 4,651.
const sizing = { baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.1 }
const businessCase = BUSINESS_CASE_WORKED_EXAMPLE

describe('designProgramPilot', () => {
  it('sizes the pilot, says what the selection detects and prices both uplifts in kopecks', () => {
    const design = designProgramPilot({ sizing, audience: 100_000, plannedPilotSize: 50_000, businessCase })
    expect(design.required).toEqual({ target: 41855, control: 4651, total: 46506 })
    expect(design.selection).toMatchObject({ audience: 100_000, target: 90_000, control: 10_000, npvAtDetectable: 506_259_369 })
    expect(design.selection!.detectableUplift).toBeCloseTo(0.006696857475, 11)
    // 90 000 contacted × 1 pp × ½ = 450 loans × 8 550 ₽ a year for 3 years at 20%, less 365 000 ₽.
    expect(design.npvAtUplift).toBe(773_968_750)
    expect(design.warnings).toEqual([])
  })

  it('warns when the selection is too small and when the pilot outgrows the plan', () => {
    const design = designProgramPilot({ sizing, audience: 30_000, plannedPilotSize: 10_000, businessCase })
    expect(design.warnings).toEqual([
      { code: 'pilot.selection_too_small', requiredTarget: 41855, requiredControl: 4651, availableTarget: 27_000, availableControl: 3_000 },
      { code: 'pilot.over_planned_size', required: 46506, planned: 10_000 },
    ])
    expect(design.selection!.detectableUplift).toBeCloseTo(0.012623827430, 11)
    expect(design.selection!.npvAtDetectable).toBe(292_486_529)
    expect(design.npvAtUplift).toBe(228_690_625)
  })

  it('gives sizes without money or selection when neither is known yet', () => {
    const design = designProgramPilot({ sizing: { ...sizing, controlShare: 0.5 }, audience: undefined, plannedPilotSize: null, businessCase: undefined })
    expect(design).toEqual({ required: { target: 8158, control: 8158, total: 16316 }, selection: null, npvAtUplift: null, warnings: [] })
  })

  it.each([
    [{ controlShare: 1 }, /control_share/],
    [{ baseline: 1.2 }, /baseline/],
    [{ uplift: 1e-6 }, /uplift/],
  ])('refuses %o naming the field', (change, field) => {
    expect(() => designProgramPilot({ sizing: { ...sizing, ...change }, audience: 1000, plannedPilotSize: null, businessCase })).toThrow(field)
  })
})
