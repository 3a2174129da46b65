import { Badge, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useWaveSending } from './useWaveSending.ts'

export const SEND_STATUS_COLOR = { not_started: 'gray', sending: 'blue', waiting: 'yellow', finished: 'teal' } as const

/** A wave's sending in one table cell, live as the wave page's panel: its status, a bar, sent and failed of all. */
export function WaveSendingProgress({ waveId }: { waveId: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { data } = useWaveSending(waveId)
  if (!data) return <Text fz="xs" c="dimmed">…</Text>
  const done = data.sent + data.failed + data.skipped_by_policy
  return (
    <div data-testid={`wave-progress-${waveId}`}>
      <Badge size="xs" variant="light" color={SEND_STATUS_COLOR[data.status]} tt="none" data-testid={`wave-progress-status-${waveId}`}>
        {t(`waves.sending.status.${data.status}`)}
      </Badge>
      {data.queued > 0 && (
        <>
          <Progress size="xs" my={3} value={(100 * done) / data.queued} color={SEND_STATUS_COLOR[data.status]} aria-label={t('waves.sending.title')} />
          <Text fz={11} c="dimmed" lh={1.3} data-testid={`wave-progress-numbers-${waveId}`}>
            {t('waves.sending.compact', { sent: format.number(data.sent), queued: format.number(data.queued) })}
            {data.failed > 0 && ` · ${t('waves.sending.compactFailed', { n: format.number(data.failed) })}`}
            {data.skipped_by_policy > 0 && ` · ${t('waves.sending.compactSkipped', { n: format.number(data.skipped_by_policy) })}`}
          </Text>
        </>
      )}
    </div>
  )
}
