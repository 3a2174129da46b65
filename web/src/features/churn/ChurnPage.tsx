import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ChurnBreakdowns } from './ChurnBreakdowns.tsx'
import { ChurnCalibrationChart, ChurnMonthChart } from './ChurnCharts.tsx'
import { ChurnDefinitionPanel } from './ChurnDefinitionPanel.tsx'
import { ChurnedClientsTable } from './ChurnedClientsTable.tsx'
import { RetentionTemplateButton } from './RetentionTemplateButton.tsx'
import { useChurnModel, useChurnReport } from './useChurn.ts'

/** Why clients leave and who will leave next: the churn report, the churn model, the churned clients and the definition. */
export function ChurnPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const report = useChurnReport()
  const model = useChurnModel()
  const r = report.data
  const m = model.data?.model
  const stats = [
    { key: 'churned', label: t('churn.stats.churned'), value: format.number(r?.total) },
    { key: 'active', label: t('churn.stats.active'), value: format.number(r?.activeClients) },
    { key: 'rate', label: t('churn.stats.rate'), value: r ? format.percent(r.total / Math.max(1, r.total + r.activeClients), 1) : '—' },
    { key: 'auc', label: t('churn.model.auc'), value: m ? format.number(m.auc, 3) : '—' },
  ]
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('churn.title')}
        subtitle={r?.refreshedAt ? t('churn.subtitle', { at: format.dateTime(r.refreshedAt) }) : t('churn.subtitleEmpty')}
        actions={canCall(me.role, 'POST /api/churn/retention-template') && m ? <RetentionTemplateButton /> : undefined}
      />
      {report.error && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      <Paper withBorder p="sm" data-testid="churn-summary">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {stats.map((stat) => (
            <div key={stat.key}>
              <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>{stat.label}</Text>
              <Text fz={18} fw={700} data-testid={`churn-${stat.key}`}>{stat.value}</Text>
            </div>
          ))}
        </SimpleGrid>
        <Text fz="xs" c="dimmed" mt={4} data-testid="churn-model-line">
          {m
            ? t('churn.model.line', { version: m.version, horizon: m.horizonMonths, train: format.number(m.nTrain), trainCutoff: format.date(m.trainCutoff), test: format.number(m.nTest), testCutoff: format.date(m.testCutoff), scored: format.number(m.scored ?? 0) })
            : t('churn.model.none')}
        </Text>
      </Paper>
      {r && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <ChurnMonthChart report={r} />
          {m ? <ChurnCalibrationChart model={m} /> : <Paper withBorder p="sm"><Text fz="xs" c="dimmed">{t('churn.model.none')}</Text></Paper>}
        </SimpleGrid>
      )}
      {r && <ChurnBreakdowns report={r} />}
      <ChurnedClientsTable />
      <Group align="flex-start" grow>
        <ChurnDefinitionPanel />
        {m && <ModelNotes />}
      </Group>
    </Stack>
  )
}

/** How the model is held out, in words: what the AUC and the calibration are measured on. */
function ModelNotes() {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm">
      <Text fz="sm" fw={600} mb={4}>{t('churn.model.howTitle')}</Text>
      <Text fz="xs">{t('churn.model.how')}</Text>
      <Text fz="xs" mt={4}>{t('churn.model.leakage')}</Text>
    </Paper>
  )
}
