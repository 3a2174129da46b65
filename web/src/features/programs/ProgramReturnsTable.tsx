import { Anchor, Badge, Group, Skeleton, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { RESPONSE_TYPE_LABELS } from '../../../../src/contract/response-types.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ExplainedHeader } from './ExplainedHeader.tsx'
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx'
import { useProgramReturns, type ProgramReturn } from './useProgramReturns.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'
import { RECOMMENDATION_COLORS } from './VerdictTable.tsx'

const COLUMNS = ['program', 'response', 'uplift', 'responders', 'revenue', 'cost', 'profit'] as const

/**
 * Which programs paid (the head's overview): each program's pilot against its control in money —
 * incremental responders, revenue and profit against the wave's cost with their 95% intervals —
 * the most profitable first, and under its profit what its business case planned for the same wave. A program
 * without a complete case shows its arms' results unpriced, after the priced ones.
 */
export function ProgramReturnsTable() {
  const { t } = useTranslation()
  const returns = useProgramReturns()
  if (returns.error) return <ErrorAlert error={returns.error} onRetry={() => void returns.refetch()} />
  if (!returns.data) return <Skeleton h={160} />
  return (
    <>
      <Text fz="xs" mb={4}>{t('programReturns.intro')}</Text>
      {returns.data.items.length === 0 ? (
        <Text fz="xs" c="dimmed">{t('programReturns.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table fz="xs" tabularNums verticalSpacing={4} data-testid="program-returns">
            <ExplainedHeader columns={COLUMNS} left={['program', 'response']} label={(c) => t(`programReturns.columns.${c}`)} tip={(c) => t(`programReturns.tips.${c}`)} />
            <Table.Tbody>
              {returns.data.items.map((row) => <ReturnRow key={`${row.program}/${row.wave}`} row={row} />)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {returns.data.withoutWaves > 0 && <Text fz={11} c="dimmed" mt={4}>{t('programReturns.withoutWaves', { count: returns.data.withoutWaves })}</Text>}
    </>
  )
}

function ReturnRow({ row }: { row: ProgramReturn }) {
  const { t, i18n } = useTranslation()
  const f = useVerdictFormat()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const dim = (text: string) => <Text fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>{text}</Text>
  // A priced row is in roubles; an unpriced one's value is in the program's own money (an imported experiment's dollars), so a plain number.
  const amount = row.basis === 'verdict' ? f.money : (value: number) => f.number(value, 2)
  const money = (value: { estimate: number; ci: readonly [number, number] } | null, strong = false) =>
    value === null ? '—' : (
      <>
        <Text fz="xs" fw={strong ? 700 : undefined} c={strong ? (value.ci[0] > 0 ? 'green.8' : value.ci[1] < 0 ? 'red.8' : undefined) : undefined} style={{ whiteSpace: 'nowrap' }}>{amount(value.estimate)}</Text>
        {dim(f.interval(value.ci, amount))}
      </>
    )
  return (
    <Table.Tr data-testid={`returns-row-${row.program}`}>
      <Table.Td>
        <Anchor component={Link} to={`/programs/${encodeURIComponent(row.program)}`} fz="xs" fw={600} display="block" maw={260}>{row.name}</Anchor>
        {dim(`${row.program} · ${row.arm ? `${row.arm} · ` : ''}${t('waves.number', { id: row.wave })}`)}
        <Group gap={4} mt={2}>
          <ProgramStatusBadge status={row.status} />
          {row.recommendation && (
            <Badge size="sm" color={RECOMMENDATION_COLORS[row.recommendation]} data-testid="returns-recommendation">
              {t(`verdict.recommendations.${row.recommendation}`)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {RESPONSE_TYPE_LABELS[row.response][language]}
        {dim(t(row.windowClosed ? 'verdict.windowClosed' : 'verdict.windowOpen'))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs" fw={600} c={row.significant ? (row.uplift.estimate > 0 ? 'green.8' : 'red.8') : undefined}>{f.pp(row.uplift.estimate)}</Text>
        {dim(`${f.interval(row.uplift.ci, f.pp)} · ${f.p(row.p)}`)}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{f.count(row.incrementalResponders.estimate)}</Text>
        {dim(f.interval(row.incrementalResponders.ci, f.count))}
      </Table.Td>
      <Table.Td ta="right">{money(row.incrementalRevenue)}</Table.Td>
      <Table.Td ta="right">{row.cost === null ? '—' : f.money(row.cost)}</Table.Td>
      <Table.Td ta="right">
        {row.incrementalProfit ? money(row.incrementalProfit, true) : dim(t('programReturns.unpriced'))}
        {row.plan && (
          <Tooltip label={t('programReturns.planNpv', { npv: f.money(row.plan.npv) })} withArrow>
            <Text fz={11} c="blue.9" style={{ whiteSpace: 'nowrap', cursor: 'help' }} data-testid="returns-plan">
              {t('programReturns.planLine', { uplift: f.pp(row.plan.uplift, false), profit: f.money(row.plan.incrementalProfit) })}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
