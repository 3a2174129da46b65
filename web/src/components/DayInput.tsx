import { DateInput } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { parseDayInput } from '../i18n/parse-day-input.ts'

export type DayInputProps = {
  label: string
  /** 'YYYY-MM-DD', or '' for no day. */
  value: string
  onChange: (value: string) => void
  w?: number
  testId?: string
}

/**
 * A day typed or picked in the app's language: `05.03.2025` in Russian, `05 Mar 2025` in English,
 * whatever the browser's own locale (a native date input follows the browser, not the app).
 */
export function DayInput({ label, value, onChange, w, testId }: DayInputProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  return (
    <DateInput
      size="xs"
      w={w}
      label={label}
      placeholder={t('common.datePlaceholder')}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      valueFormat={language === 'ru' ? 'DD.MM.YYYY' : 'DD MMM YYYY'}
      dateParser={(text) => parseDayInput(text, language)}
      clearable
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
    />
  )
}
