import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { CallList } from '../../../../src/contract/call-log-schemas.ts'
import { TablePager } from '../../components/TablePager.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { formatPhone } from '../clients/format-phone.ts'
import { callReasonLabel } from './call-reason-label.ts'
import { formatSeconds } from './format-seconds.ts'

const OUTCOME_COLOR = { resolved: 'teal', escalated: 'yellow', callback: 'blue', complaint: 'red', dropped: 'gray' } as const

export type CallsTableProps = {
  list: CallList | undefined
  fetching: boolean
  page: { offset: number; limit: number }
  onPage: (page: { offset: number; limit: number }) => void
  filters: React.ReactNode
}

/** The period's calls, newest first; the client's name opens the client card. */
export function CallsTable({ list, fetching, page, onPage, filters }: CallsTableProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={3}>{t('callLog.list')}</Title>
        <Group gap="xs" align="flex-end">{filters}</Group>
      </Group>
      {list && list.items.length === 0 ? <Text fz="sm" c="dimmed">{t('callLog.noCalls')}</Text> : (
        <Table fz="sm" striped verticalSpacing={4} data-testid="calls-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('callLog.startedAt')}</Table.Th>
              <Table.Th>{t('callLog.client')}</Table.Th>
              <Table.Th>{t('callLog.phone')}</Table.Th>
              <Table.Th>{t('callLog.reason')}</Table.Th>
              <Table.Th ta="right">{t('callLog.duration')}</Table.Th>
              <Table.Th>{t('callLog.outcome')}</Table.Th>
              <Table.Th>{t('callLog.operator')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list?.items ?? []).map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td>
                  {format.dateTime(call.startedAt)}
                  <Text span fz="xs" c="dimmed" ml={6}>{t(`callLog.directions.${call.direction}`)}</Text>
                </Table.Td>
                <Table.Td><Anchor component={Link} to={`/clients/${call.clientId}`} fz="sm">{call.clientName}</Anchor></Table.Td>
                <Table.Td>{formatPhone(call.phone)}</Table.Td>
                <Table.Td>{callReasonLabel(t, call.reason)}</Table.Td>
                <Table.Td ta="right">{formatSeconds(call.durationSeconds)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="sm" variant="light" color={OUTCOME_COLOR[call.outcome]}>{t(`callLog.outcomes.${call.outcome}`)}</Badge>
                    {call.repeated && <Badge size="sm" variant="outline" color="orange">{t('callLog.repeated')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{call.operator ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TablePager total={list?.total} offset={page.offset} limit={page.limit} onChange={onPage} fetching={fetching} pageSizes={[25, 50, 100]} />
    </Paper>
  )
}
