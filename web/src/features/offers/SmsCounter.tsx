import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../../../src/contract/count-sms-segments.ts'

/** The live count of an SMS as the operator bills it: characters, segments, and what forced UCS-2. */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation()
  const count = countSmsSegments(text)
  const over = count.segments > SMS_MAX_SEGMENTS
  return (
    <Group gap="md" data-testid="sms-counter">
      <Text fz="xs">{t('offers.sms.units', { units: count.units, left: count.left })}</Text>
      <Text fz="xs" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
        {t('offers.sms.segments', { segments: count.segments, max: SMS_MAX_SEGMENTS })}
      </Text>
      <Text fz="xs">{t(`offers.sms.${count.encoding}`, { single: count.perSegment })}</Text>
      {count.ucs2Characters.length > 0 && (
        <Text fz="xs" c="dimmed">
          {t('offers.sms.forcedBy', { characters: count.ucs2Characters.slice(0, 12).join(' ') })}
        </Text>
      )}
    </Group>
  )
}
