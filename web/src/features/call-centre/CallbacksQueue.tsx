import { Badge, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useCallbacks } from './useCallCentre.ts'

/** The callbacks promised, by due time: the overdue first in red. */
export function CallbacksQueue() {
  const { t } = useTranslation()
  const format = useFormatters()
  const callbacks = useCallbacks()
  if (callbacks.error) return <ErrorAlert error={callbacks.error} onRetry={() => void callbacks.refetch()} />
  const lines = callbacks.data ?? []
  return (
    <Paper withBorder p="sm">
      <Title order={3} mb="xs">{t('calls.callbacks.title')}</Title>
      {lines.length === 0 ? (
        <Text fz="xs" c="dimmed">{t('calls.callbacks.none')}</Text>
      ) : (
        <Table fz="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls.callbacks.due')}</Table.Th>
              <Table.Th>{t('calls.callbacks.client')}</Table.Th>
              <Table.Th>{t('calls.callbacks.program')}</Table.Th>
              <Table.Th>{t('calls.callbacks.forWhom')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={`${line.clientId}:${line.waveId}:${line.dueAt}`}>
                <Table.Td>
                  {format.dateTime(line.dueAt)} {line.overdue && <Badge color="red" size="xs">{t('calls.callbacks.overdue')}</Badge>}
                </Table.Td>
                <Table.Td>{line.fullName}</Table.Td>
                <Table.Td>{line.programCode}</Table.Td>
                <Table.Td>{line.onlyMe ? t('calls.callbacks.onlyOperator', { operator: line.operator ?? '—' }) : t('calls.callbacks.anyone')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
