import { BarChart } from '@mantine/charts'
import { EmptyState, Group, Paper, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ActivityMonth } from './client-types.ts'

export function ActivityChart({ activity }: { activity: ActivityMonth[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const data = useMemo(
    () => activity.map((month) => ({ month: format.month(month.month), turnover: month.turnover, cardSpend: month.cardSpend })),
    [activity, format],
  )
  const last = activity.at(-1)
  return (
    <Paper withBorder p="xs" h="100%">
      <Group justify="space-between" mb={4}>
        <Title order={3}>{t('activity.title')}</Title>
        {last && (
          <Text fz="xs" c="dimmed">
            {t('activity.lastMonth', {
              month: format.month(last.month),
              transactions: format.number(last.transactions),
              logins: format.number(last.mobileLogins),
              visits: format.number(last.branchVisits),
            })}
          </Text>
        )}
      </Group>
      {data.length === 0 ? (
        <EmptyState size="sm" py="md" title={t('activity.empty')} description={t('activity.emptyHint')} />
      ) : (
        <BarChart
          h={236}
          data={data}
          dataKey="month"
          series={[
            { name: 'turnover', label: t('activity.turnover'), color: 'navy.6' },
            { name: 'cardSpend', label: t('activity.cardSpend'), color: 'teal.5' },
          ]}
          valueFormatter={format.money}
          yAxisProps={{ tickFormatter: (value: number) => format.moneyShort(value), width: 72 }}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 28 }}
          tickLine="none"
          gridAxis="y"
          maxBarWidth={18}
          data-testid="activity-chart"
        />
      )}
    </Paper>
  )
}
