import { Anchor, Badge, Group, Pagination, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { CHURN_CRITERIA, CHURN_SIGNALS, type ChurnCriterion, type ChurnSignal } from '../../../../src/contract/churn-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { formatPhone } from '../clients/format-phone.ts'
import { useChurnedClients, type ChurnedClients } from './useChurn.ts'

const PAGE = 25

/** The churned clients, the latest to leave first, with the criteria met and the reasons the bank knows. */
export function ChurnedClientsTable() {
  const { t } = useTranslation()
  const format = useFormatters()
  const [criterion, setCriterion] = useState<ChurnCriterion | null>(null)
  const [signal, setSignal] = useState<ChurnSignal | null>(null)
  const [page, setPage] = useState(1)
  const query = useChurnedClients({ criterion, signal, offset: (page - 1) * PAGE })
  const data = query.data
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Text fz="sm" fw={600}>{t('churn.list.title')}</Text>
        <Group gap="xs" align="flex-end">
          <Select size="xs" w={220} label={t('churn.list.criterion')} placeholder={t('churn.list.any')} clearable
            data={CHURN_CRITERIA.map((value) => ({ value, label: t(`churn.criteria.${value}`) }))}
            value={criterion} onChange={(value) => { setCriterion(value as ChurnCriterion | null); setPage(1) }} />
          <Select size="xs" w={220} label={t('churn.list.signal')} placeholder={t('churn.list.any')} clearable
            data={CHURN_SIGNALS.map((value) => ({ value, label: t(`churn.signals.${value}`) }))}
            value={signal} onChange={(value) => { setSignal(value as ChurnSignal | null); setPage(1) }} data-testid="churn-signal-filter" />
          <Text fz="xs" c="dimmed" pb={6}>{t('churn.list.count', { count: data?.total ?? 0 })}</Text>
        </Group>
      </Group>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Table fz="xs" striped verticalSpacing={5} data-testid="churned-clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('churn.list.churnedOn')}</Table.Th>
            <Table.Th>{t('churn.list.client')}</Table.Th>
            <Table.Th>{t('churn.list.phone')}</Table.Th>
            <Table.Th>{t('churn.list.segmentBranch')}</Table.Th>
            <Table.Th>{t('churn.list.criteria')}</Table.Th>
            <Table.Th>{t('churn.list.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.items ?? []).map((c) => (
            <Table.Tr key={c.clientId}>
              <Table.Td>{format.date(c.churnedOn)}</Table.Td>
              <Table.Td><Anchor component={Link} to={`/clients/${c.clientId}`} fz="xs">{c.fullName}</Anchor><Text fz={10} c="dimmed">{c.bankId}</Text></Table.Td>
              <Table.Td>{c.phone ? formatPhone(c.phone) : '—'}</Table.Td>
              <Table.Td>{t(`segments.${c.segment}`, { defaultValue: c.segment })}<Text fz={10} c="dimmed">{c.branch ?? '—'}</Text></Table.Td>
              <Table.Td><Group gap={4}>{c.criteria.map((k) => <Badge key={k} size="xs" variant="light" color="red">{t(`churn.criteria.${k}`)}</Badge>)}</Group></Table.Td>
              <Table.Td><Reasons client={c} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.total > PAGE && (
        <Group justify="flex-end" mt="xs"><Pagination size="xs" total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} /></Group>
      )}
    </Paper>
  )
}

function Reasons({ client }: { client: ChurnedClients['items'][number] }) {
  const { t } = useTranslation()
  const lines = [
    client.statedReason && `${t('churn.signals.stated_reason')}: ${client.statedReason}`,
    client.complaints > 0 && t('churn.list.complaints', { count: client.complaints }),
    ...client.competitorNotes.map((note) => `${t('churn.signals.competitor_offer')}: ${note}`),
    client.productsClosed.length > 0 && `${t('churn.list.productsClosed')}: ${client.productsClosed.join(', ')}`,
  ].filter((line): line is string => Boolean(line))
  if (lines.length === 0) return <Text fz="xs" c="dimmed">{t('churn.list.noReasons')}</Text>
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Tooltip key={line} label={line} openDelay={400} multiline maw={360}>
          <Text fz="xs" lineClamp={1} maw={420}>{line}</Text>
        </Tooltip>
      ))}
    </Stack>
  )
}
