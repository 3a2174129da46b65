import type { Language } from '../../contract/language.ts'

/** How the report writes its numbers in a language, the way the web does (web/src/i18n/create-formatters.ts). */
export type ReportFormat = {
  /** Roubles: `1 234 567,89 ₽` in Russian, `₽1,234,567.89` in English; `—` for none. */
  money: (roubles: number | null | undefined) => string
  /** Roubles short, for chart axes: `1,2 млн ₽` / `₽1.2M`. */
  moneyShort: (roubles: number) => string
  number: (value: number | null | undefined, digits?: number) => string
  /** A share (0.05) as a percentage: `5,00 %` / `5.00%`. */
  percent: (share: number | null | undefined, digits?: number) => string
  /** A difference of shares (an uplift) in percentage points, as the web's verdict writes it: `+2,51 п. п.` / `+2.51 pp`; a level (the break-even uplift) unsigned. */
  points: (share: number | null | undefined, digits?: number, signed?: boolean) => string
  /** A 'YYYY-MM-DD' date or an ISO timestamp's day in UTC: `01.03.2026` / `01 Mar 2026`. */
  date: (value: string | null | undefined) => string
  /** An ISO timestamp to the minute, in UTC (the report says so in its header). */
  dateTime: (value: string | null | undefined) => string
}

const DASH = '—'

export function reportFormat(lang: Language): ReportFormat {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-US'
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' })
  const short = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 })
  const dateLocale = lang === 'ru' ? 'ru-RU' : 'en-GB'
  const day = new Intl.DateTimeFormat(dateLocale, { day: '2-digit', month: lang === 'ru' ? '2-digit' : 'short', year: 'numeric', timeZone: 'UTC' })
  const minute = new Intl.DateTimeFormat(dateLocale, { day: '2-digit', month: lang === 'ru' ? '2-digit' : 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
  const at = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return {
    money: (roubles) => (roubles == null ? DASH : money.format(roubles)),
    moneyShort: (roubles) => short.format(roubles),
    number: (value, digits = 0) => (value == null ? DASH : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)),
    percent: (share, digits = 2) => (share == null ? DASH : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share)),
    points: (share, digits = 2, signed = true) => {
      if (share == null) return DASH
      const value = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(share * 100)
      return lang === 'ru' ? `${value}\u00a0п.\u00a0п.` : `${value} pp`
    },
    date: (value) => (value ? day.format(at(value)) : DASH),
    dateTime: (value) => (value ? minute.format(at(value)) : DASH),
  }
}
