import { describe, expect, it } from 'vitest'
import { reason } from '../../contract/reason-codes.ts'
import { formatReportReason } from './format-report-reason.ts'

describe('formatReportReason', () => {
  it('writes the verdict’s shares as percentages and its money as amounts, the language’s way', () => {
    const extend = reason('verdict.extend', { profitLow: -358526.29, upliftHigh: 0.08402512805932323, breakEven: 0.0010055909003277425 })
    expect(formatReportReason(extend, 'ru')).toBe('Продлить пилот: нижняя граница дополнительной прибыли (-358\u00a0526,29 ₽) не выше нуля, а верхняя граница аплифта (+8,40\u00a0п.\u00a0п.) ещё достигает аплифта безубыточности 0,10\u00a0п.\u00a0п. — пилот пока не различает.')
    expect(formatReportReason(extend, 'en')).toContain('(+8.40 pp)')
    expect(formatReportReason(reason('verdict.rollout', { profitLow: 148377.5 }), 'ru')).toContain('148\u00a0377,50 ₽')
    expect(formatReportReason(reason('verdict.blocked_srm', { p: 0.000012345 }), 'en')).toContain('p = 1.2e-5')
  })
})
