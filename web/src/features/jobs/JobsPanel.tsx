import { Group, Paper, Progress, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useJobs } from './useJobs.ts'

// The background work on the imports page (admin, analyst): the import and profile-refresh queues
// and the profile's rebuild progress. Dead-letter queues show only when something landed there.
export function JobsPanel() {
  const { t } = useTranslation()
  const format = useFormatters()
  const jobs = useJobs(true)
  if (!jobs.data) return null
  const { queues, profile } = jobs.data
  const shown = queues.filter((q) => !q.queue.endsWith('.dead') || q.waiting + q.failed + q.completed > 0).filter((q) => q.queue !== 'otklik.check')
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="jobs-panel">
      <Title order={3} mb="xs">{t('jobs.title')}</Title>
      {shown.map((q) => (
        <Text key={q.queue} fz="sm" data-testid="jobs-queue">
          {t(`jobs.queue.${q.queue.replaceAll('.', '_')}`, { defaultValue: q.queue })}: {t('jobs.counts', { waiting: format.number(q.waiting), running: format.number(q.running), failed: format.number(q.failed) })}
        </Text>
      ))}
      {profile && (
        <Group gap="xs" mt="xs" wrap="nowrap" data-testid="jobs-profile">
          <Text fz="sm">
            {profile.rebuilding
              ? t('jobs.profileRebuilding', { refreshed: format.number(profile.refreshed), clients: format.number(profile.clients) })
              : t('jobs.profileReady', { clients: format.number(profile.clients), asOf: format.date(profile.asOf) })}
          </Text>
          {profile.rebuilding && profile.clients > 0 && <Progress style={{ flex: 1 }} value={Math.round((100 * profile.refreshed) / profile.clients)} animated size="sm" aria-label={t('jobs.title')} />}
        </Group>
      )}
    </Paper>
  )
}
