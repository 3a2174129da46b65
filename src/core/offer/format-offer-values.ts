import type { Language } from '../../contract/language.ts'

// The Russian (and English) formats a template's filters print, the way the bank writes them to
// clients: `| money` → «1 234,56 ₽» (no-break spaces, as Intl's ru-RU gives), `| percent` →
// «12,5 %», `| date` → «31.12.2026». Whole roubles print without kopecks («500 000 ₽»): offers
// quote limits and amounts, and «500 000,00 ₽» reads as an invoice. A value that is not what the
// filter takes is an error naming it, so the marketer sees the mistake in the preview, not the client.

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' }

// Making an Intl.NumberFormat costs far more than formatting with one, and a wave formats the
// same few values for every member: each format is made once per process.
const FORMATS = new Map<string, Intl.NumberFormat>()

function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = FORMATS.get(key)
  if (!format) FORMATS.set(key, (format = make()))
  return format
}

function toNumber(filter: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error(`${filter} takes a number, not ${JSON.stringify(value)}`)
  return number
}

/** `1234.56` roubles → «1 234,56 ₽» (ru) or «₽1,234.56» (en); null → empty. */
export function formatOfferMoney(value: unknown, language: Language): string {
  if (value == null) return ''
  const roubles = toNumber('money', value)
  const whole = Number.isInteger(roubles)
  return numberFormat(`${language}:money:${whole}`, () => new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  })).format(roubles)
}

/** A fraction `0.125` → «12,5 %» (ru) or «12.5%» (en); null → empty. */
export function formatOfferPercent(value: unknown, language: Language): string {
  if (value == null) return ''
  const format = numberFormat(`${language}:percent`, () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 }))
  return format.format(toNumber('percent', value))
}

/** `2026-12-31` (or a timestamp's date part) → «31.12.2026» in both languages: the bank's format. */
export function formatOfferDate(value: unknown): string {
  if (value == null || value === '') return ''
  // A birth date masked for the viewer (core/mask-personal-data.ts) prints as its mask.
  if (typeof value === 'string' && /^[*.\-]+$/u.test(value)) return '**.**.****'
  const text = value instanceof Date ? value.toISOString() : String(value)
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (!match) throw new Error(`date takes a date YYYY-MM-DD, not ${JSON.stringify(value)}`)
  return `${match[3]}.${match[2]}.${match[1]}`
}
