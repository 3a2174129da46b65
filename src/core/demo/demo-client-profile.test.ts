import { describe, expect, it } from 'vitest'
import { demoTestClients } from '../../../test/demo-test-world.ts'
import { CHURN_REASONS, DECEASED_REASON } from './demo-client-profile.ts'
import { DEMO_REGIONS } from './demo-regions.ts'

const clients = demoTestClients(2, 20_000).map((c) => c.client)
const share = (has: (c: (typeof clients)[number]) => boolean, of = clients) => of.filter(has).length / of.length

describe('demo clients', () => {
  it.each([
    ['active', 0.88, 0.93],
    ['churned', 0.065, 0.1],
    ['deceased', 0.002, 0.01],
  ] as const)('%s: %f–%f of clients', (status, min, max) => {
    const s = share((c) => c.status === status)
    expect(s).toBeGreaterThanOrEqual(min)
    expect(s).toBeLessThanOrEqual(max)
  })

  it('gives churned and deceased clients a status date in the last two years and a reason', () => {
    const wrong = clients.filter((c) => c.status === 'active'
      ? c.statusDate !== null || c.statusReason !== null
      : !(c.statusDate! > '2024-11-25' && c.statusDate! < '2026-11-26' && c.statusDate! > c.clientSince) ||
        !(c.status === 'churned' ? (CHURN_REASONS as readonly (string | null)[]).includes(c.statusReason) : c.statusReason === DECEASED_REASON))
    expect(wrong).toEqual([])
  })

  it('flags deceased clients and about 1% of the others as do-not-contact', () => {
    expect(clients.filter((c) => c.status === 'deceased').every((c) => c.doNotContact)).toBe(true)
    const others = share((c) => c.doNotContact, clients.filter((c) => c.status !== 'deceased'))
    expect(others).toBeGreaterThan(0.005)
    expect(others).toBeLessThan(0.015)
  })

  it('has adults aged 18–85 who joined after turning 18', () => {
    const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000)
    // 365.25-day years: an 18th birthday today can measure 17.999.
    const wrong = clients.filter((c) => years(c.birthDate, '2026-11-26') < 17.99 || years(c.birthDate, '2026-11-26') >= 86 ||
      years(c.birthDate, c.clientSince) < 17.99)
    expect(wrong).toEqual([])
  })

  it('genders full names: women have a feminine patronymic, men a masculine one', () => {
    const wrong = clients.filter((c) => !(c.gender === 'F' ? /на$/ : /ич$/).test(c.fullName))
    expect(wrong).toEqual([])
    expect(share((c) => c.gender === 'F')).toBeCloseTo(0.54, 1)
  })

  it('spreads clients over all regions, Moscow the largest', () => {
    const byRegion = DEMO_REGIONS.map((r) => share((c) => c.regionCode === r.code))
    expect(byRegion.every((s) => s > 0.05)).toBe(true)
    expect(Math.max(...byRegion)).toBe(byRegion[DEMO_REGIONS.findIndex((r) => r.code === '77')])
  })

  it('pays more in Moscow than in Samara, and most to the middle-aged', () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const incomes = (has: (c: (typeof clients)[number]) => boolean) => median(clients.filter((c) => has(c) && c.monthlyIncome !== null).map((c) => c.monthlyIncome ?? 0))
    expect(incomes((c) => c.regionCode === '77')).toBeGreaterThan(1.5 * incomes((c) => c.regionCode === '63'))
    const born = (c: (typeof clients)[number]) => Number(c.birthDate.slice(0, 4))
    expect(incomes((c) => born(c) >= 1977 && born(c) <= 1991)).toBeGreaterThan(incomes((c) => born(c) <= 1955))
    expect(incomes((c) => born(c) >= 1977 && born(c) <= 1991)).toBeGreaterThan(incomes((c) => born(c) >= 2002))
  })

  it('puts most clients in mass and a few per cent in premium and private', () => {
    expect(share((c) => c.segment === 'mass')).toBeGreaterThan(0.6)
    const premium = share((c) => c.segment === 'premium' || c.segment === 'private')
    expect(premium).toBeGreaterThan(0.015)
    expect(premium).toBeLessThan(0.06)
  })
})
