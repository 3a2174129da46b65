import { BarChart } from '@mantine/charts'
import { EmptyState, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientRequestCounts, RequestCountDimension } from '../../../../src/contract/client-request-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useRequestCounts } from './useClientRequests.ts'

/** A chart of more groups than this reads as noise: the smaller ones are drawn as one. */
const SHOWN_GROUPS = 6
const COLORS = ['navy.6', 'teal.5', 'orange.5', 'grape.5', 'cyan.6', 'yellow.6', 'gray.5']
const PERIODS = ['12', '24', 'all'] as const

/** The first day of the month `back` months before this one, YYYY-MM-DD. */
function monthsAgo(back: number): string {
  const now = new Date()
  const start = new Date(Date.UTC(now.getFullYear(), now.getMonth() - back, 1))
  return start.toISOString().slice(0, 10)
}

/** Requests per month by the client's segment, the branch that heard them, or their category. */
export function RequestCountsChart() {
  const { t } = useTranslation()
  const format = useFormatters()
  const [by, setBy] = useState<RequestCountDimension>('segment')
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('12')
  const counts = useRequestCounts(by, period === 'all' ? null : monthsAgo(Number(period) - 1))
  const label = (key: string, branchName: string | null) =>
    by === 'segment' ? t(`segments.${key}`) : by === 'category' ? t(`requestCategories.${key}`) : (branchName ?? t('branchRequests.noBranch'))
  const chart = useMemo(() => chartOf(counts.data), [counts.data])
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" mb="xs">
        <SegmentedControl size="xs" value={by} onChange={(value) => setBy(value as RequestCountDimension)} data-testid="request-counts-by"
          data={(['segment', 'branch', 'category'] as const).map((value) => ({ value, label: t(`branchRequests.by.${value}`) }))} />
        <SegmentedControl size="xs" value={period} onChange={(value) => setPeriod(value as typeof period)}
          data={PERIODS.map((value) => ({ value, label: t(`branchRequests.period.${value}`) }))} />
      </Group>
      {counts.error && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      {counts.data && counts.data.total === 0 ? (
        <EmptyState size="sm" py="md" title={t('branchRequests.none')} />
      ) : (
        <BarChart
          h={300}
          type="stacked"
          data={chart.rows.map((row) => ({ ...row, month: format.month(`${row.month}-01`) }))}
          dataKey="month"
          series={chart.groups.map((group, i) => ({ name: group.key, label: group.key === OTHER ? t('branchRequests.otherGroups') : label(group.key, group.label), color: COLORS[i % COLORS.length]! }))}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 40 }}
          tickLine="none"
          gridAxis="y"
          maxBarWidth={28}
          data-testid="request-counts-chart"
        />
      )}
      {counts.data && counts.data.total > 0 && (
        <Table fz="xs" mt="xs" maw={520} data-testid="request-counts-table">
          <Table.Tbody>
            {counts.data.series.map((series) => (
              <Table.Tr key={series.key}>
                <Table.Td>{label(series.key, series.label)}</Table.Td>
                <Table.Td ta="right">{format.number(series.total)}</Table.Td>
                <Table.Td ta="right" c="dimmed">{format.percent(series.total / counts.data.total)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>{t('branchRequests.total')}</Table.Td>
              <Table.Td ta="right" fw={600}>{format.number(counts.data.total)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Text fz={11} c="dimmed" mt={4}>{t('branchRequests.countsNote')}</Text>
    </Paper>
  )
}

const OTHER = '__other'

function chartOf(counts: ClientRequestCounts | undefined) {
  if (!counts) return { rows: [], groups: [] }
  const shown = counts.series.slice(0, SHOWN_GROUPS)
  const rest = counts.series.slice(SHOWN_GROUPS)
  const groups = rest.length > 0 ? [...shown, { key: OTHER, label: null, counts: counts.months.map((_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0)), total: 0 }] : shown
  const rows = counts.months.map((month, i) => ({ month, ...Object.fromEntries(groups.map((g) => [g.key, g.counts[i] ?? 0])) }))
  return { rows, groups }
}
