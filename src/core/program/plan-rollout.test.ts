import { describe, expect, it } from 'vitest'
import { isWorkingDay } from '../working-days.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE } from './business-case-worked-example.ts'
import type { BusinessCaseInput } from './compute-business-case.ts'
import { callCapacity, planRollout, type PlanRolloutInput } from './plan-rollout.ts'
import { clientsLeftToContact, priceRolloutPlan, rolloutBudgetLeft } from './price-rollout-plan.ts'

// The worked example, by hand (business-case numbers also in exact fractions by
// plan-rollout.check.py, its output in plan-rollout.check.txt):
//
// The business case's example (business-case-worked-example.ts) with a call added: 10 000 clients,
// 10% control → the case contacts 9 000. The pilot contacted 900, so 8 100 are left.
// Channels: a call at 60 ₽ and an SMS at 3.50 ₽, one each per client; the call channel's own
// budget is 300 000 ₽ → ⌊300 000 ÷ 60⌋ = 5 000 clients; 3 100 are left out by the budget.
// Call centre: 5 operators × 12 calls an hour × 7 hours = 420 calls a day; half reach the client
// → 210 clients a day. Waves of at most 1 000 → 5 waves of 1 000.
// Working days from Monday 2 March 2026: 2–6 March (days 0–4), 9 March is the day off for
// Women's Day on Sunday the 8th, then 10–13 (5–8), 16–20 (9–13), 23–27 (14–18), 30, 31 March,
// 1–3 April (19–23). Client i is called on day ⌊i ÷ 210⌋:
//   wave 1: clients 0–999     → days 0–4   → 2 March – 6 March
//   wave 2: clients 1000–1999 → days 4–9   → 6 March – 16 March
//   wave 3: clients 2000–2999 → days 9–14  → 16 March – 23 March
//   wave 4: clients 3000–3999 → days 14–19 → 23 March – 30 March
//   wave 5: clients 4000–4999 → days 19–23 → 30 March – 3 April
// Each wave: 1 000 calls reached = 2 000 dialled, 60 000 ₽ of calls + 3 500 ₽ of SMS = 63 500 ₽;
// 317 500 ₽ in all. The busiest day: 210 clients = 420 calls, exactly the capacity.
//
// The case on the planned reach: 900 + 5 000 = 5 900 contacted × 2% uplift × 0.5 conversion =
// 59 loans, each 8 550 ₽ a year for 3 years: 504 450 ₽ a year, discounted at 20%:
// 420 375 + 350 312.50 + 291 927.08 = 1 062 614.58 ₽; cost 50 000 + 5 900 × 63.50 = 424 650 ₽;
// NPV 637 964.58 ₽, profit 3 × 504 450 − 424 650 = 1 088 700 ₽.
// The case as it stands (9 000 contacted): 90 loans, 769 500 ₽ a year → 641 250 + 534 375 +
// 445 312.50 = 1 620 937.50 ₽; cost 50 000 + 9 000 × 63.50 = 621 500 ₽; NPV 999 437.50 ₽.

const CASE: BusinessCaseInput = {
  ...BUSINESS_CASE_WORKED_EXAMPLE,
  channelCosts: [
    { channel: 'call', costPerContact: 6_000, contactsPerClient: 1 },
    { channel: 'sms', costPerContact: 350, contactsPerClient: 1 },
  ],
}

const EXAMPLE: PlanRolloutInput = {
  clients: 8_100,
  channels: [
    { channel: 'call', costPerContact: 6_000, contactsPerClient: 1, budget: 30_000_000 },
    { channel: 'sms', costPerContact: 350, contactsPerClient: 1, budget: null },
  ],
  budget: null,
  capacity: { operators: 5, callsPerHour: 12, hoursPerDay: 7, reachRate: 0.5 },
  start: '2026-03-02',
  end: null,
  maxWaveSize: 1_000,
  isWorkingDay: (day) => isWorkingDay(day),
}

describe('planRollout: the worked example', () => {
  const plan = planRollout(EXAMPLE)

  it('leaves 8 100 of the case’s 9 000 after a pilot that contacted 900', () => {
    expect(clientsLeftToContact({ audience: 10_000, controlShare: 0.1, pilotContacted: 900 })).toBe(8_100)
  })

  it('plans five waves of 1 000 over the working days, the holiday skipped', () => {
    expect(plan.callCapacity).toEqual({ callsPerDay: 420, clientsPerDay: 210 })
    expect(plan.waves.map((w) => [w.start, w.end, w.clients, w.workingDays])).toEqual([
      ['2026-03-02', '2026-03-06', 1_000, 5],
      ['2026-03-06', '2026-03-16', 1_000, 6],
      ['2026-03-16', '2026-03-23', 1_000, 6],
      ['2026-03-23', '2026-03-30', 1_000, 6],
      ['2026-03-30', '2026-04-03', 1_000, 5],
    ])
    expect(plan.waves[0]).toMatchObject({ calls: 2_000, cost: 6_350_000, channels: [{ channel: 'call', contacts: 1_000, cost: 6_000_000 }, { channel: 'sms', contacts: 1_000, cost: 350_000 }] })
    expect(plan).toMatchObject({ planned: 5_000, endReached: '2026-04-03', workingDays: 24, cost: 31_750_000, peakCallsPerDay: 420 })
  })

  it('names the call budget as what leaves 3 100 uncontacted', () => {
    expect(plan).toMatchObject({ uncontacted: { capacity: 0, budget: 3_100, end_date: 0, horizon: 0 }, limitedBy: 'budget', budgetLimit: 'call' })
  })

  it('moves the business case with the reach', () => {
    const planned = priceRolloutPlan({ businessCase: CASE, pilotContacted: 900, planned: plan.planned })
    expect(planned).toMatchObject({ contacted: 5_900, totalCost: 42_465_000, npv: 63_796_458, profit: 108_870_000 })
    expect(planned.incrementalProducts).toBeCloseTo(59, 9)
    const full = priceRolloutPlan({ businessCase: CASE, pilotContacted: 900, planned: 8_100 })
    expect(full).toMatchObject({ contacted: 9_000, totalCost: 62_150_000, npv: 99_943_750 })
  })
})

describe('planRollout: limits', () => {
  it('zero operators: call waves are impossible, everyone left out for capacity', () => {
    const plan = planRollout({ ...EXAMPLE, capacity: { ...EXAMPLE.capacity, operators: 0 } })
    expect(plan).toMatchObject({ planned: 0, waves: [], endReached: null, limitedBy: 'capacity', uncontacted: { capacity: 8_100, budget: 0 }, callCapacity: { callsPerDay: 0, clientsPerDay: 0 } })
  })

  it('a budget smaller than one contact plans nothing, for the budget', () => {
    const plan = planRollout({ ...EXAMPLE, budget: 6_349 })
    expect(plan).toMatchObject({ planned: 0, waves: [], limitedBy: 'budget', budgetLimit: 'program', uncontacted: { budget: 8_100 } })
    // One kopeck more pays for one client on both channels.
    expect(planRollout({ ...EXAMPLE, budget: 6_350 })).toMatchObject({ planned: 1, cost: 6_350 })
  })

  it('an end date cuts at the capacity of the working days up to it', () => {
    // 2–6 and 10–13 March: 9 working days × 210 = 1 890 clients; the budget's cut comes first.
    const plan = planRollout({ ...EXAMPLE, end: '2026-03-13' })
    expect(plan).toMatchObject({ planned: 1_890, limitedBy: 'budget', uncontacted: { budget: 3_100, end_date: 3_110 }, endReached: '2026-03-13' })
    expect(plan.waves.map((w) => w.clients)).toEqual([1_000, 890])
  })

  it('never plans more calls a day than the centre can make, the reach rate a double off its value', () => {
    // 10 × 12 × 7 = 840 calls × 0.35 = 293.99999999999994 in a double: still 294 clients.
    const capacity = { operators: 10, callsPerHour: 12, hoursPerDay: 7, reachRate: 0.35 }
    expect(callCapacity(capacity, 1)).toEqual({ callsPerDay: 840, clientsPerDay: 294 })
    const plan = planRollout({ ...EXAMPLE, capacity, channels: [{ ...EXAMPLE.channels[0]!, budget: null }] })
    expect(plan.peakCallsPerDay).toBeLessThanOrEqual(840 + 1e-9)
    // Two reached calls per client halve the pace: ⌊294.0 ÷ 2⌋ = 147.
    expect(callCapacity(capacity, 2).clientsPerDay).toBe(147)
  })

  it('without calls sends one wave a working day', () => {
    const plan = planRollout({ ...EXAMPLE, clients: 2_500, channels: [EXAMPLE.channels[1]!] })
    expect(plan.callCapacity).toBeNull()
    expect(plan.waves.map((w) => [w.start, w.end, w.clients, w.calls])).toEqual([
      ['2026-03-02', '2026-03-02', 1_000, 0],
      ['2026-03-03', '2026-03-03', 1_000, 0],
      ['2026-03-04', '2026-03-04', 500, 0],
    ])
  })

  it('plans nothing when nobody is left, with nothing uncontacted', () => {
    expect(planRollout({ ...EXAMPLE, clients: 0 })).toMatchObject({ planned: 0, waves: [], limitedBy: null, endReached: null })
  })

  it('refuses more than 1 000 waves, naming the wave size', () => {
    expect(() => planRollout({ ...EXAMPLE, maxWaveSize: 4 })).toThrow(expect.objectContaining({ details: { code: 'rollout.too_many_waves', field: 'maxWaveSize', waves: 1_250, max: 1_000 } }))
  })
})

describe('rolloutBudgetLeft', () => {
  it('takes the fixed costs and the pilot’s contacts out of the program’s budget', () => {
    // 700 000 ₽ − 50 000 ₽ − 900 × 63.50 ₽ = 592 850 ₽.
    expect(rolloutBudgetLeft({ programBudget: 70_000_000, businessCase: CASE, pilotContacted: 900 })).toBe(59_285_000)
    expect(rolloutBudgetLeft({ programBudget: 1_000_000, businessCase: CASE, pilotContacted: 900 })).toBe(0)
  })
})
