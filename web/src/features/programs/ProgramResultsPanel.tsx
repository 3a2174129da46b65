import { Paper, Skeleton, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RESPONSE_TYPE_LABELS } from '../../../../src/contract/response-types.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail } from './program-types.ts'
import { showsVerdict } from './ProgramVerdictPanel.tsx'
import { useProgramResults, type ArmResult } from './useProgramResults.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'
import { ExplainedHeader } from './ExplainedHeader.tsx'

const COLUMNS = ['arm', 'response', 'target', 'control', 'uplift', 'p', 'value'] as const

/**
 * The program's results on its page: each arm (a wave and its offer) against its control, per
 * response type. A program whose one wave the verdict above already judges would only repeat it.
 */
export function ProgramResultsPanel({ program }: { program: ProgramDetail }) {
  const user = useSignedInUser()
  if (program.waves.length === 0 || !canCall(user.role, 'GET /api/programs/:code/results')) return null
  if (program.waves.length === 1 && showsVerdict(program, user.role)) return null
  return <ResultsPanel code={program.code} />
}

function ResultsPanel({ code }: { code: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const results = useProgramResults(code)
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="program-results">
      <Title order={2} mb={4}>
        {t('programResults.title')}
      </Title>
      {results.error ? (
        <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : !results.data ? (
        <Skeleton h={120} />
      ) : results.data.arms.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('programResults.none', { days: results.data.window_days })}
        </Text>
      ) : (
        <>
          <Text fz="xs" mb={4}>
            {t('programResults.window', { days: results.data.window_days })}
          </Text>
          <ResultsTable arms={results.data.arms} />
        </>
      )}
      {results.data && results.data.lead_sales.leads > 0 && (
        <Text fz="xs" mt={4} data-testid="lead-sales">
          {t('programResults.leadSales', { ...results.data.lead_sales, value: format.money(Number(results.data.lead_sales.value)) })}
        </Text>
      )}
    </Paper>
  )
}

function ResultsTable({ arms }: { arms: readonly ArmResult[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table fz="xs" tabularNums verticalSpacing={4} data-testid="results-table">
        <ExplainedHeader columns={COLUMNS} left={['arm', 'response']} label={(column) => t(`programResults.columns.${column}`)} tip={(column) => t(`programResults.tips.${column}`)} />
        <Table.Tbody>
          {arms.map((arm) => (
            <ArmRow key={`${arm.wave}/${arm.response}`} arm={arm} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function ArmRow({ arm }: { arm: ArmResult }) {
  const { t, i18n } = useTranslation()
  const f = useVerdictFormat()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const dim = (text: string) => (
    <Text fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  )
  const group = (rate: number, responders: number, members: number) => (
    <>
      <Text fz="xs">{f.percent(rate, 2)}</Text>
      {dim(t('verdict.arm', { responders: f.number(responders), n: f.number(members) }))}
    </>
  )
  const significant = arm.p < 0.05
  const value = arm.value_uplift
  return (
    <Table.Tr data-testid={`results-row-${arm.wave}-${arm.response}`}>
      <Table.Td>
        <Text fz="xs" fw={600}>
          {arm.offer ?? arm.arm}
        </Text>
        {dim(arm.offer ? `${arm.arm} · ${t('waves.number', { id: arm.wave })}` : t('waves.number', { id: arm.wave }))}
      </Table.Td>
      <Table.Td>{RESPONSE_TYPE_LABELS[arm.response][language]}</Table.Td>
      <Table.Td ta="right">{group(arm.rate, arm.responders, arm.members)}</Table.Td>
      <Table.Td ta="right">{group(arm.control.rate, arm.control.responders, arm.control.members)}</Table.Td>
      <Table.Td ta="right">
        <Text fz="xs" fw={600} c={significant ? (arm.uplift > 0 ? 'green.8' : 'red.8') : undefined}>
          {f.pp(arm.uplift)}
        </Text>
        {dim(f.interval(arm.ci, f.pp))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{f.p(arm.p)}</Text>
        {dim(`${t(`verdict.tests.${arm.test}`)} · ${t(significant ? 'verdict.significant' : 'verdict.notSignificant')}`)}
      </Table.Td>
      <Table.Td ta="right">
        {/* In the program's own money: roubles, or the data set's dollars for an imported experiment. A response without values (a visit) shows a dash. */}
        <Text fz="xs">
          {arm.value_per_member === 0 && arm.control.value_per_member === 0
            ? '—'
            : t('programResults.valueLine', { target: f.number(arm.value_per_member, 2), control: f.number(arm.control.value_per_member, 2) })}
        </Text>
        {value && dim(t('programResults.valueUplift', { difference: f.number(value.difference, 2), ci: f.interval(value.ci, (v) => f.number(v, 2)), p: f.p(value.p) }))}
      </Table.Td>
    </Table.Tr>
  )
}
