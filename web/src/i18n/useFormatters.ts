import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { createFormatters, type Formatters } from './create-formatters.ts'

/** Money, numbers and dates in the current language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  return useMemo(() => createFormatters(language), [language])
}
