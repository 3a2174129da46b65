import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'

/** The verdict's numbers as a banker reads them: uplift in percentage points with its sign, p below 0.001 as «< 0,001». */
export function useVerdictFormat() {
  const { t } = useTranslation()
  const format = useFormatters()
  const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text)
  const pp = (share: number, withSign = true) => t('verdict.pp', { value: withSign ? signed(format.number(share * 100, 2), share) : format.number(share * 100, 2) })
  return {
    ...format,
    pp,
    /** A relative change (0.77) as «+77 %». */
    relative: (share: number | null) => (share === null ? '—' : signed(format.percent(share, 0), share)),
    /** «p = 0,821», or «p < 0,001» where three decimals would show nothing. */
    p: (p: number) => (p < 0.001 ? `p\u00a0<\u00a0${format.number(0.001, 3)}` : `p\u00a0=\u00a0${format.number(p, 3)}`),
    interval: (ci: readonly [number, number], show: (value: number) => string) => t('verdict.ci', { low: show(ci[0]), high: show(ci[1]) }),
    count: (value: number) => format.number(value, Math.abs(value) < 10 ? 1 : 0),
  }
}
