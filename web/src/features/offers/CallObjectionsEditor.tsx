import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CALL_OBJECTIONS_MAX, type CallObjection } from '../../../../src/contract/offer-schemas.ts'

/** The call's objections, as the client puts them, each with the operator's answer (a template like the script). */
export function CallObjectionsEditor({ value, onChange, readOnly }: { value: CallObjection[]; onChange: (next: CallObjection[]) => void; readOnly: boolean }) {
  const { t } = useTranslation()
  const change = (index: number, part: Partial<CallObjection>) => onChange(value.map((row, at) => (at === index ? { ...row, ...part } : row)))
  return (
    <Stack gap={6} data-testid="call-objections">
      <Text fz="xs" fw={500}>
        {t('offers.objections.title')}
      </Text>
      {value.length === 0 && (
        <Text fz={10} c="dimmed">
          {t('offers.objections.none')}
        </Text>
      )}
      {value.map((row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput size="xs" w="35%" placeholder={t('offers.objections.objection')} aria-label={t('offers.objections.objection')} value={row.objection} onChange={(e) => change(index, { objection: e.currentTarget.value })} readOnly={readOnly} maxLength={500} />
          <Textarea size="xs" style={{ flex: 1 }} ff="monospace" autosize minRows={1} maxRows={4} placeholder={t('offers.objections.answer')} aria-label={t('offers.objections.answer')} value={row.answer} onChange={(e) => change(index, { answer: e.currentTarget.value })} readOnly={readOnly} />
          {!readOnly && (
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('offers.objections.remove')} onClick={() => onChange(value.filter((_, at) => at !== index))}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && value.length < CALL_OBJECTIONS_MAX && (
        <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => onChange([...value, { objection: '', answer: '' }])} data-testid="add-objection">
          {t('offers.objections.add')}
        </Button>
      )}
    </Stack>
  )
}
