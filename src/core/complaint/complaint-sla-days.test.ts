import { describe, expect, it } from 'vitest'
import { complaintSlaDays, type ComplaintSlaRule } from './complaint-sla-days.ts'

// The demo defaults of migration 0030: the most specific rule wins, the category before the channel.
const rules: ComplaintSlaRule[] = [
  { category: '*', channel: '*', workingDays: 15 },
  { category: '*', channel: 'regulator', workingDays: 5 },
  { category: 'cards.fraud', channel: '*', workingDays: 3 },
  { category: 'service_quality', channel: '*', workingDays: 10 },
  { category: 'service_quality', channel: 'regulator', workingDays: 4 },
]

describe('complaintSlaDays', () => {
  it.each([
    ['cards.fraud', 'branch', 3, 'the leaf itself'],
    ['cards.fraud', 'regulator', 3, 'the leaf before the channel of the default'],
    ['service_quality.waiting', 'web', 10, 'a leaf takes its top category'],
    ['service_quality.waiting', 'regulator', 4, 'the top category with the channel before the top category alone'],
    ['loans.terms', 'regulator', 5, 'the default with the channel'],
    ['fees', 'branch', 15, 'the default'],
  ])('%s via %s: %i working days (%s)', (category, channel, days) => {
    expect(complaintSlaDays({ category, channel, rules })).toBe(days)
  })

  it('falls back to the statutory 15 days when no rule matches', () => {
    expect(complaintSlaDays({ category: 'fees', channel: 'web', rules: [] })).toBe(15)
  })
})
