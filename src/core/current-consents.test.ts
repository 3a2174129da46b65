import { describe, expect, it } from 'vitest'
import { currentConsents } from './current-consents.ts'

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
