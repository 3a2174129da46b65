import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { useSendWave, useWaveSending } from './useWaveSending.ts'
import { SEND_STATUS_COLOR as STATUS_COLOR } from './WaveSendingProgress.tsx'


/** The wave's sending: start it (program economists), and its progress live — sent, failed, skipped, waiting. */
export function WaveSendingPanel({ waveId, channel }: { waveId: number; channel: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const sending = useWaveSending(waveId)
  const send = useSendWave(waveId)
  const sendable = channel === 'email' || channel === 'sms'
  const data = sending.data
  const canSend = sendable && canCall(user.role, 'POST /api/waves/:id/send') && data?.status !== 'finished' && data?.status !== 'sending'
  const done = data ? data.sent + data.failed + data.skipped_by_policy : 0
  const numbers = data && [
    { key: 'queued', value: data.queued },
    { key: 'sent', value: data.sent },
    { key: 'failed', value: data.failed },
    { key: 'skipped', value: data.skipped_by_policy },
    { key: 'waiting', value: data.waiting },
    { key: 'unknown', value: data.unknown },
  ]
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="wave-sending">
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <Title order={2}>{t('waves.sending.title')}</Title>
          {data && (
            <Badge variant="light" color={STATUS_COLOR[data.status]} tt="none" data-testid="wave-send-status">
              {t(`waves.sending.status.${data.status}`)}
            </Badge>
          )}
        </Group>
        {canSend && (
          <Button size="xs" onClick={() => send.mutate()} loading={send.isPending} data-testid="wave-send">
            {data?.status === 'waiting' ? t('waves.sending.resume') : t('waves.sending.send')}
          </Button>
        )}
      </Group>
      {!sendable && <Text fz="xs" c="dimmed">{t(`waves.sending.notSent.${channel}`)}</Text>}
      {send.error && <ErrorAlert error={send.error} />}
      {sending.error && <ErrorAlert error={sending.error} onRetry={() => void sending.refetch()} />}
      {data && data.queued > 0 && (
        <>
          <Progress value={(100 * done) / data.queued} mb={6} aria-label={t('waves.sending.title')} />
          <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
            {numbers!.map((n) => (
              <div key={n.key}>
                <Text fz={11} c="dimmed" tt="uppercase" fw={600}>{t(`waves.sending.numbers.${n.key}`)}</Text>
                <Text fz={18} fw={700} data-testid={`wave-send-${n.key}`}>{format.number(n.value)}</Text>
              </div>
            ))}
          </SimpleGrid>
          <Text fz="xs" c="dimmed" mt={6}>
            {data.offer && t('waves.sending.offer', { code: data.offer.code, version: data.offer.version })}
            {data.started_at && ` · ${t('waves.sending.started', { at: format.dateTime(data.started_at) })}`}
            {data.finished_at && ` · ${t('waves.sending.finished', { at: format.dateTime(data.finished_at) })}`}
            {Object.entries(data.skipped).map(([why, n]) => ` · ${t(`waves.sending.skippedBy.${why}`, { defaultValue: why })}: ${format.number(n)}`).join('')}
          </Text>
          {data.waiting > 0 && data.next_attempt_at && (
            <Text fz="xs" mt={4}>{t('waves.sending.waitingUntil', { at: format.dateTime(data.next_attempt_at) })}</Text>
          )}
          {data.unknown > 0 && <Alert color="yellow" mt={6} p="xs">{t('waves.sending.unknownHint', { n: data.unknown })}</Alert>}
        </>
      )}
    </Paper>
  )
}
