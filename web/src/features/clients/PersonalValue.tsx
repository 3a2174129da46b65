import { Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isMasked } from './format-phone.ts'

/** A personal field as the API gave it: masked values are dimmed and say why. */
export function PersonalValue({ raw, shown }: { raw: string | null; shown: string }) {
  const { t } = useTranslation()
  if (!isMasked(raw)) return <>{shown}</>
  return (
    <Tooltip label={t('clients.maskedHint')} openDelay={300}>
      <Text span fz="inherit" c="dimmed" ff="monospace">
        {raw}
      </Text>
    </Tooltip>
  )
}
