import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../../../src/contract/count-sms-segments.ts'

// Cyrillic forces UCS-2 in every Russian text: it is named once as a script, and only the other
// characters (« », №, an emoji) one by one — those a marketer may want to replace to save a segment.
const CYRILLIC = /\p{Script=Cyrillic}/u

/** The live count of an SMS as the operator bills it: characters, segments, and what forced UCS-2. */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation()
  const count = countSmsSegments(text)
  const over = count.segments > SMS_MAX_SEGMENTS
  const hasCyrillic = count.ucs2Characters.some((c) => CYRILLIC.test(c))
  const others = count.ucs2Characters.filter((c) => !CYRILLIC.test(c))
  const forcedBy = [...(hasCyrillic ? [t('offers.sms.cyrillic')] : []), ...others.slice(0, 12).map((c) => (/\s/u.test(c) ? t('offers.sms.space', { code: c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') }) : c))].join(', ')
  return (
    <Group gap="md" data-testid="sms-counter">
      <Text fz="xs">{t('offers.sms.units', { units: count.units, left: count.left })}</Text>
      <Text fz="xs" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
        {t('offers.sms.segments', { segments: count.segments, max: SMS_MAX_SEGMENTS })}
      </Text>
      <Text fz="xs">{t(`offers.sms.${count.encoding}`, { single: count.perSegment })}</Text>
      {count.ucs2Characters.length > 0 && (
        <Text fz="xs" c="dimmed">
          {t('offers.sms.forcedBy', { characters: forcedBy })}
        </Text>
      )}
    </Group>
  )
}
