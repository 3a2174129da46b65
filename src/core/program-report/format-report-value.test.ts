import { describe, expect, it } from 'vitest'
import { reportFormat } from './format-report-value.ts'

// The report writes numbers as the web does (web/src/i18n/create-formatters.ts): roubles as
// «1 234 567,89 ₽» in Russian (no-break spaces), ₽1,234,567.89 in English.
const nb = (text: string) => text.replace(/ /g, '\u00a0')

describe('reportFormat', () => {
  it.each([
    { lang: 'ru' as const, money: nb('-1 234 567,89 ₽'), percent: nb('5,00 %'), points: nb('+2,51 п. п.'), level: nb('0,09 п. п.'), date: '01.03.2026', at: '01.03.2026, 09:05' },
    { lang: 'en' as const, money: '-₽1,234,567.89', percent: '5.00%', points: '+2.51 pp', level: '0.09 pp', date: '01 Mar 2026', at: '01 Mar 2026, 09:05' },
  ])('$lang', ({ lang, money, percent, points, level, date, at }) => {
    const f = reportFormat(lang)
    expect(f.money(-1_234_567.89)).toBe(money)
    expect(f.money(null)).toBe('—')
    expect(f.percent(0.05)).toBe(percent)
    expect(f.points(0.0251)).toBe(points)
    expect(f.points(0.0009, 2, false)).toBe(level)
    expect(f.date('2026-03-01')).toBe(date)
    expect(f.dateTime('2026-03-01T09:05:00Z')).toBe(at)
  })
})
