import { describe, expect, it } from 'vitest'
import { createFormatters } from '../web/src/i18n/create-formatters.ts'

// Intl puts narrow no-break spaces (U+202F) and no-break spaces (U+00A0) in Russian numbers: the
// expectations compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
const ru = createFormatters('ru')
const en = createFormatters('en')

describe('web formatters', () => {
  it.each([
    // DOMAIN.md: roubles as `1 234 567,89 ₽` in Russian and `₽1,234,567.89` in English.
    [1234567.89, '1 234 567,89 ₽', '₽1,234,567.89'],
    [0, '0,00 ₽', '₽0.00'],
    [-12000, '-12 000,00 ₽', '-₽12,000.00'],
  ])('money %d', (value, russian, english) => {
    expect(plain(ru.money(value))).toBe(russian)
    expect(plain(en.money(value))).toBe(english)
  })

  it.each([
    ['2025-03-05', '05.03.2025', '05 Mar 2025'],
    // A masked birth date is shown as the API gave it.
    ['****-**-**', '****-**-**', '****-**-**'],
    [null, '—', '—'],
  ])('date %s', (value, russian, english) => {
    expect(ru.date(value)).toBe(russian)
    expect(en.date(value)).toBe(english)
  })

  it('writes the month of a chart axis without dots or "г."', () => {
    expect(ru.month('2025-01-01')).toBe('янв 2025')
    expect(ru.month('2025-09-01')).toBe('сент 2025')
    expect(en.month('2025-09-01')).toBe('Sep 2025')
  })

  it.each([
    [0.1, 0, '10 %', '10%'],
    [0.125, 1, '12,5 %', '12.5%'],
    [null, 0, '—', '—'],
  ])('percent %s', (share, digits, russian, english) => {
    expect(plain(ru.percent(share, digits))).toBe(russian)
    expect(en.percent(share, digits)).toBe(english)
  })

  it('shortens money for chart axes', () => {
    expect(plain(ru.moneyShort(1_234_567))).toBe('1,2 млн ₽')
    expect(en.moneyShort(1_234_567)).toBe('₽1.2M')
  })
})
