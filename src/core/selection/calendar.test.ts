import { describe, expect, it } from 'vitest'
import { addMonths, addDays, fullMonths, fullYears } from './calendar.ts'

// Known answers: PostgreSQL 15, e.g. `SELECT date '2024-02-29' - interval '1 year'` → 2023-02-28.
describe('calendar', () => {
  it.each([
    ['2024-02-29', -12, '2023-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-15', -25, '2022-12-15'],
    ['2025-12-31', 2, '2026-02-28'],
  ])('addMonths(%s, %i) = %s', (iso, months, expected) => {
    expect(addMonths(iso, months)).toBe(expected)
  })

  it.each([
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['1990-06-15', '2025-06-14', 34],
    ['1990-06-15', '2025-06-15', 35],
  ])('fullYears(%s, %s) = %i', (birth, today, expected) => {
    expect(fullYears(birth, today)).toBe(expected)
  })

  it('agrees with the cutoff rule: age ≥ k ⇔ birth ≤ today − k years, over many dates', () => {
    const today = ['2024-02-29', '2025-02-28', '2025-03-31', '2025-12-31', '2026-06-30']
    for (const t of today) {
      for (let offset = 0; offset < 40 * 366; offset += 7) {
        const birth = addDays('1985-01-01', offset)
        for (const k of [0, 1, 18, 25, 30, 45]) {
          expect(fullYears(birth, t) >= k, `${birth} ${t} ${k}`).toBe(birth <= addMonths(t, -12 * k))
          expect(fullMonths(birth, t) >= k, `${birth} ${t} ${k}m`).toBe(birth <= addMonths(t, -k))
        }
      }
    }
  })
})
