import { describe, expect, it } from 'vitest'
import { attributionWindow } from './attribution-window.ts'

describe('attributionWindow', () => {
  it.each([
    ['30 days by default, open the day before it ends', undefined, '2026-04-09T09:00:00Z', { days: 30, until: '2026-04-10T09:00:00.000Z', closed: false }],
    ['closed at its very end', undefined, '2026-04-10T09:00:00Z', { days: 30, until: '2026-04-10T09:00:00.000Z', closed: true }],
    ['a program’s own 60 days', 60, '2026-04-10T09:00:00Z', { days: 60, until: '2026-05-10T09:00:00.000Z', closed: false }],
  ] as const)('%s', (_name, days, now, expected) => {
    expect(attributionWindow({ builtAt: '2026-03-11T09:00:00Z', days, now: new Date(now) })).toEqual({ from: '2026-03-11T09:00:00.000Z', ...expected })
  })
})
