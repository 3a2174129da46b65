import { Button, Group, Paper, Radio, Switch, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallCard } from '../../../../src/contract/call-centre-schemas.ts'
import { BUSINESS_OUTCOMES, TECHNICAL_OUTCOMES, type BusinessOutcome, type DoNotCallScope, type TechnicalOutcome } from '../../../../src/contract/call-outcomes.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { formatDayTimeInput, parseDayTimeInput } from '../../i18n/parse-day-time-input.ts'
import { useRecordOutcome } from './useCallCentre.ts'

const BUSINESS_COLOR: Record<BusinessOutcome, string> = { agreed: 'green', interested: 'teal', callback: 'orange', refused: 'gray', complaint: 'red', do_not_call: 'red' }

/** The outcome in two layers: first whether the call connected; only then what the client said. */
export function OutcomePanel({ card }: { card: CallCard }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const record = useRecordOutcome()
  const [technical, setTechnical] = useState<TechnicalOutcome | null>(null)
  const [business, setBusiness] = useState<BusinessOutcome | null>(null)
  const [callbackAt, setCallbackAt] = useState('')
  const [onlyMe, setOnlyMe] = useState(true)
  const [doNotCall, setDoNotCall] = useState<DoNotCallScope>('program')
  const [note, setNote] = useState('')
  const connected = technical === 'connected'
  // Typed in the app's language whatever the browser's (a native datetime field follows the browser).
  const callbackLocal = parseDayTimeInput(callbackAt, language)
  const callbackError = callbackAt.trim() !== '' && callbackLocal === null ? t('calls.callbackAtInvalid', { example: formatDayTimeInput('2026-12-31T14:30', language) }) : null
  const ready = technical !== null && (!connected || (business !== null && (business !== 'callback' || callbackLocal !== null)))
  const submit = () => {
    if (!technical) return
    record.mutate({
      clientId: card.task.clientId,
      waveId: card.task.waveId,
      technical,
      business: connected ? business : null,
      callbackAt: connected && business === 'callback' && callbackLocal ? new Date(callbackLocal).toISOString() : null,
      onlyMe,
      doNotCall: connected && business === 'do_not_call' ? doNotCall : null,
      note: note.trim() || null,
    })
  }
  return (
    <Paper withBorder p="sm">
      <Title order={3}>{t('calls.outcome')}</Title>
      <Text fz="xs" c="dimmed" mt={4}>{t('calls.technicalLayer')}</Text>
      <Group gap="xs" mt={4}>
        {TECHNICAL_OUTCOMES.map((o) => (
          <Button key={o} size="xs" variant={technical === o ? 'filled' : 'default'} color={o === 'connected' ? 'green' : 'blue'} onClick={() => { setTechnical(o); if (o !== 'connected') setBusiness(null) }}>
            {t(`calls.technical.${o}`)}
          </Button>
        ))}
      </Group>
      {connected && (
        <>
          <Text fz="xs" c="dimmed" mt="sm">{t('calls.businessLayer')}</Text>
          <Group gap="xs" mt={4}>
            {BUSINESS_OUTCOMES.map((o) => (
              <Button key={o} size="xs" variant={business === o ? 'filled' : 'default'} color={BUSINESS_COLOR[o]} onClick={() => setBusiness(o)}>
                {t(`calls.business.${o}`)}
              </Button>
            ))}
          </Group>
        </>
      )}
      {connected && business === 'callback' && (
        <Group mt="sm" align="flex-end">
          <TextInput
            size="xs" w={190} label={t('calls.callbackAt')} placeholder={t('calls.callbackAtPlaceholder')} value={callbackAt} error={callbackError}
            onChange={(e) => setCallbackAt(e.currentTarget.value)} data-testid="callback-at"
          />
          <Switch size="xs" checked={onlyMe} onChange={(e) => setOnlyMe(e.currentTarget.checked)} label={t(onlyMe ? 'calls.onlyMe' : 'calls.anyone')} />
        </Group>
      )}
      {connected && business === 'do_not_call' && (
        <Radio.Group mt="sm" size="xs" value={doNotCall} onChange={(v) => setDoNotCall(v as DoNotCallScope)} label={t('calls.doNotCallScope')}>
          <Group gap="md" mt={4}>
            <Radio value="program" label={t('calls.doNotCallProgram')} />
            <Radio value="bank" label={t('calls.doNotCallBank')} />
          </Group>
        </Radio.Group>
      )}
      <Textarea mt="sm" size="xs" autosize minRows={1} label={t('calls.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {record.error && <ErrorAlert error={record.error} />}
      <Button mt="sm" disabled={!ready} loading={record.isPending} onClick={submit}>{t('calls.saveAndNext')}</Button>
    </Paper>
  )
}
