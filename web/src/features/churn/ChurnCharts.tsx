import { BarChart, LineChart } from '@mantine/charts'
import { Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChurnReport } from '../../../../src/contract/churn-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ChurnModel } from './useChurn.ts'

/** Clients who left, by the month they churned in. */
export function ChurnMonthChart({ report }: { report: ChurnReport }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const data = report.byMonth.map((m) => ({ month: format.month(`${m.key}-01`), clients: m.clients }))
  return (
    <Paper withBorder p="sm" data-testid="churn-month-chart">
      <Text fz="sm" fw={600} mb={4}>{t('churn.byMonth')}</Text>
      <BarChart
        h={220}
        data={data}
        dataKey="month"
        series={[{ name: 'clients', label: t('churn.clients'), color: 'red.6' }]}
        valueFormatter={(value) => format.number(value)}
        yAxisProps={{ width: 48 }}
        tickLine="none"
        gridAxis="y"
      />
    </Paper>
  )
}

/**
 * The model's calibration on the held-out cut-off: in each tenth of the clients by predicted
 * probability, the mean prediction against the share who did churn. A calibrated model lies on the diagonal.
 */
export function ChurnCalibrationChart({ model }: { model: ChurnModel }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const data = model.calibration.map((bin, i) => ({ decile: String(i + 1), predicted: bin.meanPredicted, observed: bin.observed }))
  return (
    <Paper withBorder p="sm" data-testid="churn-calibration-chart">
      <Text fz="sm" fw={600} mb={4}>{t('churn.model.calibration')}</Text>
      <LineChart
        h={220}
        data={data}
        dataKey="decile"
        series={[
          { name: 'observed', label: t('churn.model.observed'), color: 'red.6' },
          { name: 'predicted', label: t('churn.model.predicted'), color: 'gray.6', strokeDasharray: '4 4' },
        ]}
        curveType="linear"
        valueFormatter={(value) => format.percent(value, 1)}
        xAxisLabel={t('churn.model.decile')}
        yAxisProps={{ width: 56 }}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 24 }}
        tickLine="none"
        gridAxis="y"
      />
    </Paper>
  )
}
