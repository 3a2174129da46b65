import { BarChart } from '@mantine/charts'
import { Paper, SimpleGrid, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CALL_LOG_OUTCOMES } from '../../../../src/contract/call-log.ts'
import type { CallAnalysis } from '../../../../src/contract/call-log-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'

/** Calls per bank day of the period, and how they ended. */
export function CallVolumeCharts({ analysis }: { analysis: CallAnalysis }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const days = analysis.byDay.map((d) => ({ day: format.date(d.day).replace(/\.?\s?\d{4}$/, ''), calls: d.calls }))
  const outcomes = CALL_LOG_OUTCOMES.map((outcome) => ({
    outcome: t(`callLog.outcomes.${outcome}`), calls: analysis.byOutcome.find((o) => o.outcome === outcome)?.calls ?? 0,
  }))
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Paper withBorder p="sm">
        <Title order={3} mb="xs">{t('callLog.byDay')}</Title>
        <BarChart h={200} data={days} dataKey="day" series={[{ name: 'calls', label: t('callLog.calls'), color: 'navy.6' }]}
          valueFormatter={(v) => format.number(v)} tickLine="none" gridAxis="y" maxBarWidth={14} data-testid="calls-by-day" />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={3} mb="xs">{t('callLog.byOutcome')}</Title>
        <BarChart h={200} data={outcomes} dataKey="outcome" orientation="vertical" series={[{ name: 'calls', label: t('callLog.calls'), color: 'teal.6' }]}
          yAxisProps={{ width: 110 }} valueFormatter={(v) => format.number(v)} tickLine="none" gridAxis="x" maxBarWidth={18} data-testid="calls-by-outcome" />
      </Paper>
    </SimpleGrid>
  )
}
