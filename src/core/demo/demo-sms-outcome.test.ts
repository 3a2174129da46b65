import { describe, expect, it } from 'vitest'
import { DEMO_SMS_SHARES, demoSmsOutcome } from './demo-sms-outcome.ts'

describe('demoSmsOutcome', () => {
  it('is the same for the same seed and client, and differs between clients', () => {
    expect(demoSmsOutcome(1, 4242)).toEqual(demoSmsOutcome(1, 4242))
    const outcomes = new Set(Array.from({ length: 50 }, (_, i) => JSON.stringify(demoSmsOutcome(1, i))))
    expect(outcomes.size).toBeGreaterThan(10)
  })

  it('meets the shares over 20,000 clients (within 4 standard errors of a binomial)', () => {
    const n = 20_000
    const outcomes = Array.from({ length: n }, (_, i) => demoSmsOutcome(7, 1000 + i))
    const share = (pick: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(pick).length / n
    const near = (observed: number, p: number) => expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n))
    near(share((o) => o.withdrew), DEMO_SMS_SHARES.withdrew)
    near(share((o) => o.refused), DEMO_SMS_SHARES.refused)
    near(share((o) => o.delivery === 'delivered'), DEMO_SMS_SHARES.delivered)
    near(share((o) => o.delivery === 'failed'), DEMO_SMS_SHARES.notDelivered)
    near(share((o) => o.delivery === 'expired'), DEMO_SMS_SHARES.expired)
    expect(outcomes.filter((o) => o.delivery === 'expired').every((o) => o.reportAfterSeconds === 86_400)).toBe(true)
  })
})
