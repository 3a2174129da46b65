import { describe, expect, it } from 'vitest'
import { demoTestClients } from '../../../test/demo-test-world.ts'

const clients = demoTestClients(4, 20_000)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('demo activity', () => {
  it('runs 15 months up to the month before today for a long-standing active client', () => {
    const client = clients.find((c) => c.client.status === 'active' && c.client.clientSince < '2020-01-01')
    expect(client?.activity.map((a) => a.month)).toEqual([
      '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01',
      '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01',
    ])
  })

  it('has no activity before a client joined or after a client left', () => {
    const wrong = clients.filter(({ client, activity }) => activity.some((a) =>
      a.month < `${client.clientSince.slice(0, 7)}-01` || (client.statusDate !== null && a.month > client.statusDate)))
    expect(wrong).toEqual([])
  })

  it('peaks in December and dips in January across the bank', () => {
    const total = (month: string) => clients.reduce((sum, c) => sum + (c.activity.find((a) => a.month === month)?.turnover ?? 0), 0)
    expect(total('2025-12-01')).toBeGreaterThan(1.15 * total('2025-11-01'))
    expect(total('2026-01-01')).toBeLessThan(0.9 * total('2025-11-01'))
  })

  it('shows falling turnover for some active clients (about to churn) and growth for more', () => {
    const ratios = clients
      .filter((c) => c.client.status === 'active' && c.activity.length === 15 && c.activity[0].turnover > 0)
      .map((c) => mean(c.activity.slice(12).map((a) => a.turnover)) / mean(c.activity.slice(0, 6).map((a) => a.turnover)))
    const falling = ratios.filter((r) => r < 0.6).length / ratios.length
    const growing = ratios.filter((r) => r > 1.2).length / ratios.length
    expect(falling).toBeGreaterThan(0.03)
    expect(falling).toBeLessThan(0.1)
    expect(growing).toBeGreaterThan(0.08)
  })

  it('winds churned clients down before they leave', () => {
    const churned = clients.filter((c) => c.client.status === 'churned' && c.activity.length >= 7 && c.activity[0].turnover > 0)
    expect(churned.length).toBeGreaterThan(50)
    const fell = churned.filter((c) => c.activity.at(-1)!.turnover < 0.3 * c.activity[0].turnover).length
    expect(fell / churned.length).toBeGreaterThan(0.8)
  })

  it('counts logins only for mobile bank users and keeps card spend within turnover', () => {
    const wrong = clients.filter(({ holdings, activity }) => {
      const mobile = holdings.some((h) => h.productCode === 'RB_MOBILE')
      return activity.some((a) => (!mobile && a.mobileLogins !== 0) || a.cardSpend > a.turnover || a.transactions < 0)
    })
    expect(wrong).toEqual([])
  })
})
