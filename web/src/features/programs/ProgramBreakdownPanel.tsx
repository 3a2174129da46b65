import { Group, Paper, Select, Skeleton, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiFetch } from '../../api/api-fetch.ts'
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, type BreakdownView } from '../../../../src/contract/breakdown-schemas.ts'
import { RESPONSE_TYPE_LABELS, RESPONSE_TYPES, type ResponseType } from '../../../../src/contract/response-types.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail } from './program-types.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'

/**
 * The pilot's uplift by client group (issue 9, item 3): each segment, region, branch or age band
 * against its own control, with Holm's and Benjamini–Hochberg's adjusted p-values, and why they
 * matter — many breakdowns find a "significant" group by chance.
 */
export function ProgramBreakdownPanel({ program }: { program: ProgramDetail }) {
  const user = useSignedInUser()
  if (!program.waves.some((w) => w.kind === 'pilot') || !canCall(user.role, 'GET /api/programs/:code/breakdown')) return null
  return <BreakdownPanel code={program.code} />
}

function BreakdownPanel({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const [by, setBy] = useState<BreakdownDimension>('segment')
  const [response, setResponse] = useState<ResponseType>('conversion')
  const query = useQuery({
    queryKey: ['program-breakdown', code, by, response],
    queryFn: ({ signal }) => apiFetch<BreakdownView>(`/api/programs/${encodeURIComponent(code)}/breakdown?by=${by}&response=${response}`, { signal }),
  })
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="program-breakdown">
      <Group justify="space-between" align="flex-end" mb={4}>
        <Title order={2}>{t('breakdown.title')}</Title>
        <Group gap="xs">
          <Select size="xs" w={170} label={t('breakdown.by')} value={by} allowDeselect={false} data-testid="breakdown-by"
            data={BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: t(`breakdown.dimensions.${d}`) }))} onChange={(v) => v && setBy(v as BreakdownDimension)} />
          <Select size="xs" w={200} label={t('breakdown.response')} value={response} allowDeselect={false}
            data={RESPONSE_TYPES.map((r) => ({ value: r, label: RESPONSE_TYPE_LABELS[r][language] }))} onChange={(v) => v && setResponse(v as ResponseType)} />
        </Group>
      </Group>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : !query.data ? <Skeleton h={80} /> : <BreakdownTable view={query.data} />}
      <Text fz={11} c="dimmed" mt={4}>{t('breakdown.why')}</Text>
    </Paper>
  )
}

function BreakdownTable({ view }: { view: BreakdownView }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const levelName = (level: string, name: string | null) => {
    if (level === 'unknown') return t('breakdown.unknown')
    if (view.by === 'segment') return t(`segments.${level}`, { defaultValue: level })
    return name ? `${name} (${level})` : level
  }
  const dim = (text: string) => <Text fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>{text}</Text>
  if (view.rows.length === 0 && view.skipped.length === 0) return <Text fz="xs" c="dimmed">{t('breakdown.none')}</Text>
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="xs" tabularNums verticalSpacing={4} data-testid="breakdown-table">
          <Table.Thead>
            <Table.Tr>
              {(['level', 'target', 'control', 'uplift', 'p', 'holm', 'bh'] as const).map((c) => (
                <Table.Th key={c} ta={c === 'level' ? 'left' : 'right'}>{t(`breakdown.columns.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={r.level} data-testid="breakdown-row">
                <Table.Td>{levelName(r.level, r.name)}</Table.Td>
                <Table.Td ta="right"><Text fz="xs">{f.percent(r.target.rate, 2)}</Text>{dim(t('verdict.arm', { responders: f.number(r.target.x), n: f.number(r.target.n) }))}</Table.Td>
                <Table.Td ta="right"><Text fz="xs">{f.percent(r.control.rate, 2)}</Text>{dim(t('verdict.arm', { responders: f.number(r.control.x), n: f.number(r.control.n) }))}</Table.Td>
                <Table.Td ta="right"><Text fz="xs" fw={600} c={r.pHolm < view.alpha ? (r.uplift > 0 ? 'green.8' : 'red.8') : undefined}>{f.pp(r.uplift)}</Text>{dim(f.interval(r.ci, f.pp))}</Table.Td>
                <Table.Td ta="right">{f.p(r.p)}</Table.Td>
                <Table.Td ta="right" fw={r.pHolm < view.alpha ? 600 : undefined}>{f.p(r.pHolm)}</Table.Td>
                <Table.Td ta="right" fw={r.pBh < view.alpha ? 600 : undefined}>{f.p(r.pBh)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {view.skipped.length > 0 && (
        <Text fz={11} c="dimmed">{t('breakdown.skipped', { levels: view.skipped.map((s) => levelName(s.level, s.name)).join(', ') })}</Text>
      )}
      <Text fz={11} c="dimmed">{t('breakdown.window', { days: view.window.days })}</Text>
    </>
  )
}
