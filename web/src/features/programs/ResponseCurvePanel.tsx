import { LineChart } from '@mantine/charts'
import { Group, Paper, Select, Skeleton, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../../../src/contract/response-types.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail } from './program-types.ts'
import { useResponseCurve, type ResponseCurve, type ResponseCurveView } from './useResponseCurve.ts'

/** The program's waves pooled, in the wave selector. */
const ALL = 'all'

/**
 * The cumulative response curve by day since the wave (issue 9, item 3): target and control
 * measured alike, so the gap between the lines is the program's effect as it builds up — and a
 * control line that climbs as fast says the clients would have come anyway.
 */
export function ResponseCurvePanel({ program }: { program: ProgramDetail }) {
  const user = useSignedInUser()
  if (program.waves.length === 0 || !canCall(user.role, 'GET /api/programs/:code/response-curve')) return null
  return <CurvePanel code={program.code} />
}

function CurvePanel({ code }: { code: string }) {
  const { t } = useTranslation()
  const query = useResponseCurve(code)
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="program-response-curve">
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton h={220} />
      ) : query.data.curves.length === 0 ? (
        <>
          <Title order={2} mb={4}>{t('responseCurve.title')}</Title>
          <Text fz="xs" c="dimmed">{t('responseCurve.none', { days: query.data.window_days })}</Text>
        </>
      ) : (
        <CurveChart view={query.data} />
      )}
    </Paper>
  )
}

function CurveChart({ view }: { view: ResponseCurveView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const format = useFormatters()
  const types = [...new Set(view.curves.map((c) => c.response))]
  const waves = view.curves.filter((c) => c.wave !== null).filter((c, i, all) => all.findIndex((o) => o.wave === c.wave) === i)
  const [response, setResponse] = useState<ResponseType>(types[0]!)
  const [wave, setWave] = useState<string>(ALL)
  const curve = view.curves.find((c) => c.response === response && (wave === ALL ? c.wave === null : String(c.wave) === wave))
  const data = useMemo(() => (curve ? chartData(curve) : []), [curve])
  const last = curve?.points.at(-1)
  return (
    <>
      <Group justify="space-between" align="flex-end" mb={4}>
        <Title order={2}>{t('responseCurve.title')}</Title>
        <Group gap="xs">
          <Select size="xs" w={220} label={t('responseCurve.wave')} value={wave} allowDeselect={false} data-testid="response-curve-wave"
            data={[{ value: ALL, label: t('responseCurve.allWaves') }, ...waves.map((c) => ({ value: String(c.wave), label: `${c.offer ?? c.arm} · ${t('waves.number', { id: c.wave })}` }))]}
            onChange={(v) => v && setWave(v)} />
          <Select size="xs" w={200} label={t('responseCurve.response')} value={response} allowDeselect={false} data-testid="response-curve-response"
            data={types.map((r) => ({ value: r, label: RESPONSE_TYPE_LABELS[r][language] }))} onChange={(v) => v && setResponse(v as ResponseType)} />
        </Group>
      </Group>
      {!curve || !last ? (
        <Text fz="xs" c="dimmed">{t('responseCurve.noneOfType')}</Text>
      ) : (
        <>
          <Text fz="xs" mb={4} data-testid="response-curve-summary">
            {t('responseCurve.summary', {
              day: last.day,
              target: format.percent(last.target.share, 2),
              control: format.percent(last.control.share, 2),
              targetN: format.number(last.target.members),
              controlN: format.number(last.control.members),
            })}
          </Text>
          <LineChart
            h={220}
            data={data}
            dataKey="day"
            series={[
              { name: 'target', label: t('responseCurve.target'), color: 'navy.6' },
              { name: 'control', label: t('responseCurve.control'), color: 'gray.6', strokeDasharray: '4 4' },
            ]}
            curveType="stepAfter"
            withDots={false}
            valueFormatter={(value) => format.percent(value, 2)}
            xAxisLabel={t('responseCurve.xAxis')}
            yAxisProps={{ width: 64, tickFormatter: (value: number) => format.percent(value, 1) }}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 24 }}
            tickLine="none"
            gridAxis="y"
            data-testid="response-curve-chart"
          />
        </>
      )}
      <Text fz={11} c="dimmed" mt={4}>{t(wave === ALL && waves.length > 1 ? 'responseCurve.whyPooled' : 'responseCurve.why')}</Text>
    </>
  )
}

const chartData = (curve: ResponseCurve) => curve.points.map((p) => ({ day: p.day, target: p.target.share, control: p.control.share }))
