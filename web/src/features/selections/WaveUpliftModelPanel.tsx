import { LineChart } from '@mantine/charts'
import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { toLanguage } from '../../../../src/contract/language.ts'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../../../src/contract/response-types.ts'
import { UPLIFT_METRIC_NOTES } from '../../../../src/contract/uplift-metric-notes.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useWaveUpliftModel, type WaveUpliftModel } from './useWaveUpliftModel.ts'

type Model = NonNullable<WaveUpliftModel['model']>
type Point = { x: number; y: number }

/** The wave's uplift model, when one was trained on it: its Qini curve on the held-out members and both normalisations. */
export function WaveUpliftModelPanel({ waveId }: { waveId: number }) {
  const query = useWaveUpliftModel(waveId)
  const model = query.data?.model
  if (!model) return null
  return <UpliftModelView model={model} />
}

function UpliftModelView({ model }: { model: Model }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const language = toLanguage(i18n.language)
  const notes = UPLIFT_METRIC_NOTES[language]
  const data = useMemo(() => chartData(model), [model])
  const stats = [
    { key: 'qiniRaw', label: t('waves.uplift.qiniRaw'), value: format.number(model.qiniRaw, 1) },
    { key: 'qini', label: t('waves.uplift.qiniCoefficient'), value: format.number(model.qiniAucScore, 3) },
    { key: 'auuc', label: t('waves.uplift.auuc'), value: format.number(model.upliftAucScore, 3) },
    ...model.upliftAtK.map(({ k, uplift }) => ({ key: `k${k}`, label: t('waves.uplift.atK', { k: format.percent(k, 0) }), value: uplift === null ? '—' : t('waves.uplift.points', { value: format.number(uplift * 100, 2) }) })),
  ]
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="wave-uplift-model">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2}>{t('waves.uplift.title', { version: model.version })}</Title>
        <Text fz="xs" c="dimmed">
          {t('waves.uplift.trained', { approach: t(`waves.uplift.approaches.${model.approach}`), response: RESPONSE_TYPE_LABELS[model.response as ResponseType]?.[language] ?? model.response, train: format.number(model.nTrain), test: format.number(model.nTest), at: format.dateTime(model.trainedAt) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: stats.length }} spacing="xs" mb="xs">
        {stats.map((stat) => (
          <div key={stat.key}>
            <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {stat.label}
            </Text>
            <Text fz={18} fw={700} data-testid={`uplift-${stat.key}`}>
              {stat.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <LineChart
        h={220}
        data={data}
        dataKey="share"
        series={[
          { name: 'model', label: t('waves.uplift.model'), color: 'navy.6' },
          { name: 'perfect', label: t('waves.uplift.perfect'), color: 'teal.5', strokeDasharray: '4 4' },
          { name: 'random', label: t('waves.uplift.random'), color: 'gray.5', strokeDasharray: '2 4' },
        ]}
        curveType="linear"
        withDots={false}
        valueFormatter={(value) => format.number(Math.round(value))}
        xAxisLabel={t('waves.uplift.xAxis')}
        yAxisLabel={t('waves.uplift.yAxis')}
        yAxisProps={{ width: 64 }}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 24 }}
        tickLine="none"
        gridAxis="y"
        data-testid="wave-qini-chart"
      />
      <Text fz="xs" c="dimmed" mt={6}>{notes.raw}</Text>
      <Text fz="xs" c="dimmed">{notes.normalised}</Text>
      <Text fz="xs" c="dimmed">{notes.negative}</Text>
    </Paper>
  )
}

/** The three curves read at every 2% of the held-out members (linearly between their points). */
function chartData(model: Model) {
  const total = model.qini.model[model.qini.model.length - 1]?.x ?? 0
  return Array.from({ length: 51 }, (_, i) => {
    const x = (total * i) / 50
    return { share: `${i * 2}%`, model: at(model.qini.model, x), perfect: at(model.qini.perfect, x), random: at(model.qini.random, x) }
  })
}

function at(points: readonly Point[], x: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    if (x <= b.x) return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x)
  }
  return points[points.length - 1]?.y ?? 0
}
