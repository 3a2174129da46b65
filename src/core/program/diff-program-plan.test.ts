import { describe, expect, it } from 'vitest'
import type { ProgramPlan } from '../../contract/program-schemas.ts'
import { diffProgramPlan, voidsApproval } from './diff-program-plan.ts'

const plan: ProgramPlan = {
  name: 'Кредитка зарплатным',
  goal: 'cross_sell',
  targetProduct: 'CC_CLASSIC',
  offer: null,
  offerCode: null,
  channels: ['sms'],
  selectionId: 3,
  ownerId: null,
  plannedStart: '2027-01-10',
  plannedEnd: '2027-03-10',
  budget: 100_000,
  controlShare: 0.1,
  pilotSize: 5000,
  businessCase: { conversion: 0.5, fixedCosts: 50_000 },
}

describe('diffProgramPlan', () => {
  it.each([
    [{ name: 'Новое имя' }, [{ field: 'name', before: 'Кредитка зарплатным', after: 'Новое имя' }], false],
    [{ offer: 'Кэшбэк 5%', plannedEnd: '2027-04-01', pilotSize: 6000 }, [
      { field: 'offer', before: null, after: 'Кэшбэк 5%' },
      { field: 'plannedEnd', before: '2027-03-10', after: '2027-04-01' },
      { field: 'pilotSize', before: 5000, after: 6000 },
    ], false],
    [{ selectionId: 4 }, [{ field: 'selectionId', before: 3, after: 4 }], true],
    [{ channels: ['sms', 'call'] }, [{ field: 'channels', before: ['sms'], after: ['sms', 'call'] }], true],
    [{ businessCase: { conversion: 0.4, fixedCosts: 50_000 } }, [{ field: 'businessCase.conversion', before: 0.5, after: 0.4 }], true],
    [{ businessCase: { conversion: 0.5 } }, [{ field: 'businessCase.fixedCosts', before: 50_000, after: null }], true],
    [{ businessCase: { fixedCosts: 50_000, conversion: 0.5 } }, [], false],
    [{}, [], false],
  ] as const)('%j → %j (voids approval: %s)', (change, changes, voids) => {
    const found = diffProgramPlan(plan, { ...plan, ...change } as ProgramPlan)
    expect(found).toEqual(changes)
    expect(voidsApproval(found)).toBe(voids)
  })
})
