import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/ru'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The calendars speak the app's language, not the browser's: month and day names from dayjs in
 * Russian or English, and the week starts on Monday in both (the bank works in Russia).
 */
export function LanguageDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>
}
