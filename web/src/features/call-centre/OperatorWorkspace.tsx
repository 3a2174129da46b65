import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallCard } from '../../../../src/contract/call-centre-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { CallScriptPanel } from './CallScriptPanel.tsx'
import { OutcomePanel } from './OutcomePanel.tsx'
import { useNextCall } from './useCallCentre.ts'

/** Preview dialing: the next client's short card, the script, and the outcome in two layers. */
export function OperatorWorkspace() {
  const { t } = useTranslation()
  const next = useNextCall()
  if (next.error) return <ErrorAlert error={next.error} onRetry={() => void next.refetch()} />
  if (!next.data) return null
  const card = next.data.card
  if (!card) {
    return (
      <Paper withBorder p="md">
        <Text fz="sm">{t('calls.noneDue')}</Text>
        <Button mt="xs" size="xs" variant="light" onClick={() => void next.refetch()} loading={next.isFetching}>{t('calls.checkAgain')}</Button>
      </Paper>
    )
  }
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <ClientPanel card={card} />
          <HistoryPanel card={card} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <CallScriptPanel card={card} />
          <OutcomePanel key={`${card.task.clientId}:${card.task.waveId}:${card.task.claimedAt}`} card={card} />
        </Stack>
      </Grid.Col>
    </Grid>
  )
}

function localTime(utcOffset: number, language: string): string {
  const local = new Date(Date.now() + utcOffset * 3_600_000)
  return local.toLocaleTimeString(language === 'en' ? 'en-GB' : 'ru-RU', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' })
}

function ClientPanel({ card }: { card: CallCard }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const { client, task, why } = card
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{client.fullName}</Title>
          <Text fz="xs" c="dimmed">{client.bankId} · {t(`segments.${client.segment}`, { defaultValue: client.segment })}{client.branchName ? ` · ${client.branchName}` : ''}</Text>
        </div>
        {client.vip && <Badge color="grape">VIP</Badge>}
      </Group>
      <Group mt="sm" gap="sm">
        <Text fz="lg" ff="monospace" aria-label={t('calls.phone')}>{client.phoneMasked ?? t('calls.noPhone')}</Text>
        {client.dialNumber && (
          <Button component="a" href={`tel:${client.dialNumber}`} size="sm" color="green">{t('calls.dial')}</Button>
        )}
      </Group>
      <Text fz="xs" mt={4}>
        {t('calls.localTime', { time: localTime(client.utcOffset, i18n.language), offset: client.utcOffset >= 0 ? `+${client.utcOffset}` : client.utcOffset })}
        {client.birthDate && ` · ${t('calls.birthDate')}: ${format.date(client.birthDate)}`}
      </Text>
      <Text fz="xs" mt={4}>{t('calls.attempt', { attempt: task.attempts + 1, max: task.maxAttempts })}{task.lastTechnical && ` · ${t('calls.last')}: ${t(`calls.technical.${task.lastTechnical}`)}`}</Text>
      {task.callback && <Badge mt={4} color="orange" variant="light">{t(task.callback.onlyMe ? 'calls.callbackMine' : 'calls.callbackAnyone', { at: format.dateTime(task.callback.dueAt) })}</Badge>}
      <Title order={4} mt="sm">{t('calls.why')}</Title>
      <Text fz="xs">
        {why.programName} ({why.programCode}){why.goal && ` · ${t(`programs.goals.${why.goal}`, { defaultValue: why.goal })}`} · {t(`waves.kinds.${why.waveKind}`, { defaultValue: why.waveKind })}
      </Text>
      {why.selectionName && <Text fz="xs">{t('calls.selection')}: {why.selectionName}</Text>}
    </Paper>
  )
}

function HistoryPanel({ card }: { card: CallCard }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="sm">
      <Title order={4}>{t('calls.recentContacts')}</Title>
      {card.recentContacts.length === 0 && <Text fz="xs" c="dimmed">{t('calls.noContacts')}</Text>}
      {card.recentContacts.map((c, i) => (
        <Text fz="xs" key={i}>{format.dateTime(c.sentAt)} · {t(`channels.${c.channel}`, { defaultValue: c.channel })} · {c.programCode ?? '—'} · {t(`calls.contactStatus.${c.status}`, { defaultValue: c.status })}</Text>
      ))}
      <Title order={4} mt="xs">{t('calls.complaints')}</Title>
      {card.complaints.length === 0 && <Text fz="xs" c="dimmed">{t('calls.noComplaints')}</Text>}
      {card.complaints.map((c, i) => (
        <Text fz="xs" key={i} c={c.status === 'open' ? 'red' : undefined}>{format.dateTime(c.receivedAt)} · {t(`calls.complaintStatus.${c.status}`, { defaultValue: c.status })}</Text>
      ))}
    </Paper>
  )
}
