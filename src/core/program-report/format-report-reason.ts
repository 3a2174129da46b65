import { formatReason } from '../../contract/format-reason.ts'
import type { Language } from '../../contract/language.ts'
import type { AnyReason } from '../../contract/reason-codes.ts'
import { reportFormat } from './format-report-value.ts'

// The verdict's reasons carry raw shares (an uplift of 0.0840251…) and p-values: on paper they read
// as the rest of the report does, an uplift in percentage points (as the web's verdict), p with four, roubles with kopecks.
const SHARES = ['upliftHigh', 'upliftLow'] as const
const LEVELS = ['breakEven', 'baseline'] as const
const P_VALUES = ['p'] as const
const MONEY = ['profitLow', 'profitHigh'] as const

/** A reason in words for the report, its shares and p-values written the language's way. */
export function formatReportReason(reason: AnyReason, lang: Language): string {
  const f = reportFormat(lang)
  const shown: Record<string, unknown> = { ...reason }
  for (const key of SHARES) if (typeof shown[key] === 'number') shown[key] = f.points(shown[key], 2)
  for (const key of LEVELS) if (typeof shown[key] === 'number') shown[key] = f.points(shown[key], 2, false)
  for (const key of MONEY) if (typeof shown[key] === 'number') shown[key] = f.number(shown[key], 2)
  for (const key of P_VALUES) if (typeof shown[key] === 'number') shown[key] = formatP(shown[key], lang)
  return formatReason(shown as AnyReason, lang)
}

/** p with four decimals, or a tiny one as 1.2e-5 (1,2e-5 in Russian) rather than 0.0000. */
export function formatP(p: number, lang: Language): string {
  if (p >= 0.0001 || p === 0) return reportFormat(lang).number(p, 4)
  const text = p.toExponential(1)
  return lang === 'ru' ? text.replace('.', ',') : text
}
