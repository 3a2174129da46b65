import { BarChart } from '@mantine/charts'
import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ComplaintAnalysisGroup } from '../../../../src/contract/complaint-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { categoryLabel } from './complaint-options.ts'
import { useComplaintAnalysis } from './useComplaints.ts'

/** The complaints analysis: the totals, complaints by month as a chart, and the groups by category, channel, branch and product. */
export function ComplaintAnalysisPanel() {
  const { t } = useTranslation()
  const format = useFormatters()
  const analysis = useComplaintAnalysis()
  if (analysis.error) return <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />
  if (!analysis.data) return null
  const { total, byMonth } = analysis.data
  const months = byMonth.map((m) => ({ month: format.month(`${m.key}-01`), count: m.count, repeats: m.repeats }))
  const stat = (label: string, value: string) => (
    <Paper withBorder p="xs"><Text fz="xs" c="dimmed">{label}</Text><Text fw={600} fz="lg">{value}</Text></Paper>
  )
  return (
    <div data-testid="complaints-analysis">
      <Text fz="xs" c="dimmed" mb="xs">{t('complaints.analysis.period', { from: format.date(analysis.data.from), to: format.date(analysis.data.to) })}</Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" mb="sm">
        {stat(t('complaints.analysis.total'), format.number(total.count))}
        {stat(t('complaints.analysis.median'), total.medianDaysToResolve === null ? '—' : t('complaints.analysis.days', { value: format.number(total.medianDaysToResolve, 1) }))}
        {stat(t('complaints.analysis.withinSla'), format.percent(total.resolvedWithinSlaShare))}
        {stat(t('complaints.analysis.repeats'), format.percent(total.count === 0 ? null : total.repeats / total.count))}
      </SimpleGrid>
      <Paper withBorder p="xs" mb="sm">
        <Title order={3} mb={4}>{t('complaints.analysis.byMonth')}</Title>
        <BarChart h={220} data={months} dataKey="month" withLegend
          series={[{ name: 'count', label: t('complaints.analysis.count'), color: 'blue.6' }, { name: 'repeats', label: t('complaints.analysis.repeatCount'), color: 'orange.6' }]} />
      </Paper>
      <Text fz="xs" c="dimmed" mb="xs">{t('complaints.analysis.repeatRule')}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <GroupTable title={t('complaints.analysis.byCategory')} groups={analysis.data.byCategory} label={(key) => categoryLabel(t, key)} />
        <GroupTable title={t('complaints.analysis.byChannel')} groups={analysis.data.byChannel} label={(key) => t(`complaints.channels.${key}`)} />
        <GroupTable title={t('complaints.analysis.byBranch')} groups={analysis.data.byBranch} label={(key) => key} />
        <GroupTable title={t('complaints.analysis.byProduct')} groups={analysis.data.byProduct} label={(key) => t(`productTypes.${key}`)} />
      </SimpleGrid>
    </div>
  )
}

function GroupTable({ title, groups, label }: { title: string; groups: ComplaintAnalysisGroup[]; label: (key: string) => string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" mb={4}><Title order={3}>{title}</Title></Group>
      <Table fz="xs" verticalSpacing={3}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('complaints.analysis.count')}</Table.Th>
            <Table.Th ta="right">{t('complaints.analysis.resolved')}</Table.Th>
            <Table.Th ta="right">{t('complaints.analysis.median')}</Table.Th>
            <Table.Th ta="right">{t('complaints.analysis.withinSla')}</Table.Th>
            <Table.Th ta="right">{t('complaints.analysis.repeatCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key ?? '-'}>
              <Table.Td>{g.key === null ? t('complaints.analysis.none') : label(g.key)}</Table.Td>
              <Table.Td ta="right">{format.number(g.count)}</Table.Td>
              <Table.Td ta="right">{format.number(g.resolved)}</Table.Td>
              <Table.Td ta="right">{g.medianDaysToResolve === null ? '—' : format.number(g.medianDaysToResolve, 1)}</Table.Td>
              <Table.Td ta="right">{format.percent(g.resolvedWithinSlaShare)}</Table.Td>
              <Table.Td ta="right">{format.number(g.repeats)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
