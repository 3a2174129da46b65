import type { Language } from './i18n.ts'

export type Formatters = {
  /** Roubles: `1 234 567,89 ₽` in Russian, `₽1,234,567.89` in English. */
  money: (value: number | null | undefined) => string
  /** Roubles in short form for chart axes: `1,2 млн ₽` / `₽1.2M`. */
  moneyShort: (value: number) => string
  number: (value: number | null | undefined, fractionDigits?: number) => string
  /** A share (0.1) as a percentage: `10 %` in Russian, `10%` in English. */
  percent: (share: number | null | undefined, fractionDigits?: number) => string
  /** A 'YYYY-MM-DD' date; anything else (a masked '****-**-**') is shown as given. */
  date: (value: string | null | undefined) => string
  /** An ISO timestamp in the user's time zone. */
  dateTime: (value: string | null | undefined) => string
  /** The day of an ISO timestamp in the user's time zone. */
  dayOf: (value: string | null | undefined) => string
  /** The month of a 'YYYY-MM-DD' date, short: `янв 2025` / `Jan 2025`. */
  month: (value: string) => string
}

const LOCALE: Record<Language, string> = { ru: 'ru-RU', en: 'en-US' }
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const DASH = '—'

export function createFormatters(language: Language): Formatters {
  const locale = LOCALE[language]
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' })
  // English staff read dates as "05 Mar 2025": no doubt whether 05/03 is March or May.
  const date = new Intl.DateTimeFormat(
    language === 'ru' ? 'ru-RU' : 'en-GB',
    language === 'ru' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' },
  )
  const dateTime = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: language === 'ru' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const day = new Intl.DateTimeFormat(
    language === 'ru' ? 'ru-RU' : 'en-GB',
    language === 'ru' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: '2-digit', month: 'short', year: 'numeric' },
  )
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const moneyShort = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  })
  const numbers = new Map<number, Intl.NumberFormat>()
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits)
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      numbers.set(digits, format)
    }
    return format
  }
  const percents = new Map<number, Intl.NumberFormat>()
  const percentFormat = (digits: number) => {
    let format = percents.get(digits)
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })
      percents.set(digits, format)
    }
    return format
  }
  return {
    money: (value) => (value == null ? DASH : money.format(value)),
    moneyShort: (value) => moneyShort.format(value),
    number: (value, fractionDigits = 0) => (value == null ? DASH : numberFormat(fractionDigits).format(value)),
    percent: (share, fractionDigits = 0) => (share == null ? DASH : percentFormat(fractionDigits).format(share)),
    date: (value) => {
      if (!value) return DASH
      return ISO_DATE.test(value) ? date.format(new Date(`${value}T00:00:00Z`)) : value
    },
    dateTime: (value) => {
      if (!value) return DASH
      const at = new Date(value)
      return Number.isNaN(at.getTime()) ? value : dateTime.format(at)
    },
    dayOf: (value) => {
      if (!value) return DASH
      const at = new Date(value)
      return Number.isNaN(at.getTime()) ? value : day.format(at)
    },
    month: (value) => {
      // Month and year only: Russian adds "г." and dots that crowd a chart axis.
      const parts = month.formatToParts(new Date(`${value.slice(0, 10)}T00:00:00Z`))
      const name = parts.find((p) => p.type === 'month')?.value.replace(/\.$/, '') ?? ''
      return `${name} ${parts.find((p) => p.type === 'year')?.value ?? ''}`
    },
  }
}
