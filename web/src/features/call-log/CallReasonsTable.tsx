import { Anchor, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallAnalysis } from '../../../../src/contract/call-log-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { callReasonLabel } from './call-reason-label.ts'
import { formatSeconds } from './format-seconds.ts'

/** Volume, handle time and first-call resolution per reason; a reason opens its calls below. */
export function CallReasonsTable({ analysis, onPick }: { analysis: CallAnalysis; onPick: (reason: string) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const total = analysis.totals.calls
  return (
    <Paper withBorder p="sm">
      <Title order={3} mb="xs">{t('callLog.byReason')}</Title>
      {analysis.byReason.length === 0 ? <Text fz="sm" c="dimmed">{t('callLog.noCalls')}</Text> : (
        <Table fz="sm" striped verticalSpacing={4} data-testid="call-reasons">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('callLog.reason')}</Table.Th>
              <Table.Th ta="right">{t('callLog.calls')}</Table.Th>
              <Table.Th ta="right">{t('callLog.share')}</Table.Th>
              <Table.Th ta="right">{t('callLog.median')}</Table.Th>
              <Table.Th ta="right">{t('callLog.p90')}</Table.Th>
              <Table.Th ta="right">{t('callLog.fcr')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.byReason.map((row) => (
              <Table.Tr key={row.reason}>
                <Table.Td><Anchor component="button" fz="sm" ta="left" onClick={() => onPick(row.reason)}>{callReasonLabel(t, row.reason)}</Anchor></Table.Td>
                <Table.Td ta="right">{format.number(row.calls)}</Table.Td>
                <Table.Td ta="right">{format.percent(total === 0 ? null : row.calls / total, 1)}</Table.Td>
                <Table.Td ta="right">{formatSeconds(row.medianSeconds)}</Table.Td>
                <Table.Td ta="right">{formatSeconds(row.p90Seconds)}</Table.Td>
                <Table.Td ta="right">{format.percent(row.firstCallResolution.share, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
