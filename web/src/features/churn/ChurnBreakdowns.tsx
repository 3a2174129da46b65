import { Paper, Progress, SimpleGrid, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChurnReport } from '../../../../src/contract/churn-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'

type Count = ChurnReport['byCriterion'][number]

/** The report's breakdowns beside each other: why (criteria and the reasons the bank knows), who (segment) and where (branch). */
export function ChurnBreakdowns({ report }: { report: ChurnReport }) {
  const { t } = useTranslation()
  const reasons = [
    ...report.byCriterion.map((c) => ({ ...c, label: t(`churn.criteria.${c.key}`) })),
    ...report.bySignal.map((c) => ({ ...c, label: t(`churn.signals.${c.key}`) })),
  ]
  return (
    <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
      <Breakdown title={t('churn.byReason')} rows={reasons} total={report.total} testId="churn-by-reason" />
      <Breakdown title={t('churn.byStatedReason')} rows={report.byStatedReason.map((c) => ({ ...c, label: c.key || t('churn.notStated') }))} total={report.total} />
      <Breakdown title={t('churn.bySegment')} rows={report.bySegment.map((c) => ({ ...c, label: t(`segments.${c.key}`, { defaultValue: c.key }) }))} total={report.total} />
      <Breakdown title={t('churn.byBranch')} rows={report.byBranch.slice(0, 10).map((c) => ({ ...c, label: c.key || '—' }))} total={report.total} />
    </SimpleGrid>
  )
}

function Breakdown({ title, rows, total, testId }: { title: string; rows: (Count & { label: string })[]; total: number; testId?: string }) {
  const format = useFormatters()
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fz="sm" fw={600} mb={4}>{title}</Text>
      <Table fz="xs" verticalSpacing={3}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td w="55%">{row.label}</Table.Td>
              <Table.Td w="30%"><Progress value={total === 0 ? 0 : (row.clients / total) * 100} color="red.5" size="sm" /></Table.Td>
              <Table.Td ta="right">{format.number(row.clients)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
