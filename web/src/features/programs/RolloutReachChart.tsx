import { AreaChart } from '@mantine/charts'
import { Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { RolloutPlan } from './useRolloutPlan.ts'

/** Clients contacted by the end of each wave, against the clients left to contact: how far the plan gets, and when. */
export function RolloutReachChart({ plan }: { plan: RolloutPlan }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const data = useMemo(() => {
    let reached = 0
    const points = plan.waves.map((w) => {
      reached += w.clients
      return { day: format.date(w.end), reached, target: plan.clients }
    })
    return [{ day: format.date(plan.waves[0]!.start), reached: 0, target: plan.clients }, ...points]
  }, [plan, format])
  return (
    <>
      <Text fz="xs" fw={600}>
        {t('rollout.reachChart')}
      </Text>
      <AreaChart
        h={150}
        data={data}
        dataKey="day"
        series={[
          { name: 'reached', label: t('rollout.reached'), color: 'navy.6' },
          { name: 'target', label: t('rollout.target'), color: 'gray.5', strokeDasharray: '4 4' },
        ]}
        curveType="linear"
        withDots={false}
        fillOpacity={0.15}
        valueFormatter={(value) => format.number(value)}
        yAxisProps={{ width: 64 }}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 24 }}
        tickLine="none"
        gridAxis="y"
        data-testid="rollout-reach-chart"
      />
    </>
  )
}
