import { describe, expect, it } from 'vitest'
import { consentInForce, currentConsents } from './current-consents.ts'

const at = (day: number) => `2025-01-${String(day).padStart(2, '0')}T10:00:00.000Z`

describe('currentConsents', () => {
  it('takes the latest effective record per channel, not the latest recorded', () => {
    const history = [
      { channel: 'sms', granted: false, effectiveAt: at(20), source: 'branch' },
      { channel: 'sms', granted: true, effectiveAt: at(5), source: 'import' },
      { channel: 'email', granted: true, effectiveAt: at(1), source: 'web' },
    ]
    expect(currentConsents(history)).toEqual([history[2], history[0]])
  })

  it('lets a refusal win over a grant effective at the same moment', () => {
    const grant = { channel: 'call', granted: true, effectiveAt: at(3), source: null }
    const refusal = { channel: 'call', granted: false, effectiveAt: at(3), source: null }
    expect(currentConsents([refusal, grant])).toEqual([refusal])
    expect(currentConsents([grant, refusal])).toEqual([refusal])
  })
})

describe('the consent in force before an instant', () => {
  const history = [
    { channel: 'sms', granted: true, effectiveAt: '2025-01-01T00:00:00.000Z', source: null },
    { channel: 'sms', granted: false, effectiveAt: '2025-01-02T00:00:00.000Z', source: null },
    { channel: 'sms', granted: true, effectiveAt: '2025-01-02T00:00:00.000Z', source: null },
  ]
  it.each([
    ['2025-01-01T00:00:00.000Z', false], // nothing took effect yet: no consent
    ['2025-01-01T00:00:00.001Z', true],
    ['2025-01-02T00:00:00.000Z', true], // the tie takes effect at this instant, not before it
    ['2025-01-02T00:00:00.001Z', false], // the refusal of the tie wins
  ])('before %s the client has consented: %s', (instant, granted) => {
    expect(consentInForce(history, 'sms', Date.parse(instant))).toBe(granted)
  })
  it('knows no consent on a channel without records', () => {
    expect(consentInForce(history, 'email', Date.parse('2026-01-01'))).toBe(false)
  })
})
