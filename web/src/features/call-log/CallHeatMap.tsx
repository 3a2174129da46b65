import { MatrixChart } from '@mantine/charts'
import { Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallAnalysis } from '../../../../src/contract/call-log-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

/** Calls by day of the week and hour on the bank's clock: where the call centre's load peaks. */
export function CallHeatMap({ analysis }: { analysis: CallAnalysis }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const weekday = (day: number) => t(`callLog.weekdays.${day}`)
  const counts = new Map(analysis.byHour.map((cell) => [`${cell.weekday}:${cell.hour}`, cell.calls]))
  const data = WEEKDAYS.flatMap((day) => HOURS.map((hour) => ({ x: hour, y: weekday(day), value: counts.get(`${day}:${Number(hour)}`) ?? 0 })))
  return (
    <Paper withBorder p="sm" data-testid="call-heat-map">
      <Title order={3}>{t('callLog.heatMap')}</Title>
      <Text fz="xs" c="dimmed" mb="xs">{t('callLog.heatMapHint', { zone: analysis.timeZone })}</Text>
      <MatrixChart
        data={data}
        xLabels={HOURS}
        yLabels={WEEKDAYS.map(weekday)}
        withXLabels
        withYLabels
        xLabelsPosition="top"
        xLabelsRotation={0}
        xLabelsHeight={20}
        yLabelsWidth={36}
        cellSize={19}
        gap={2}
        colors={['blue.0', 'blue.2', 'blue.4', 'blue.6', 'blue.8']}
        withLegend
        legendLabels={[t('callLog.fewer'), t('callLog.more')]}
        withTooltip
        getTooltipLabel={(cell) => t('callLog.heatMapCell', { day: cell.y, hour: cell.x, calls: format.number(cell.value) })}
      />
    </Paper>
  )
}
