import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ComplaintItem } from '../../../../src/contract/complaint-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { categoryLabel, COMPLAINT_STATUS_COLOR } from './complaint-options.ts'

/** Complaints as a table (the register, the client card): due date with a red badge when overdue, the client unless `withoutClient`. */
export function ComplaintsTable({ items, withoutClient = false }: { items: ComplaintItem[]; withoutClient?: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Table fz="xs" striped verticalSpacing={5} data-testid="complaints-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('complaints.columns.due')}</Table.Th>
          {!withoutClient && <Table.Th>{t('complaints.columns.client')}</Table.Th>}
          <Table.Th>{t('complaints.columns.subject')}</Table.Th>
          <Table.Th>{t('complaints.columns.channel')}</Table.Th>
          <Table.Th>{t('complaints.columns.owner')}</Table.Th>
          <Table.Th>{t('complaints.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((q) => (
          <Table.Tr key={q.id} data-testid={`complaint-${q.id}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {format.date(q.slaDueOn)}
              {q.overdue && <Badge ml={4} color="red" size="xs" data-testid="complaint-overdue">{t('complaints.overdue')}</Badge>}
              <Text fz="xs" c="dimmed">{t('complaints.received', { at: format.dayOf(q.receivedAt) })}</Text>
            </Table.Td>
            {!withoutClient && (
              <Table.Td>
                <Anchor component={Link} to={`/clients/${q.clientId}`} fz="xs" fw={500}>{q.fullName}</Anchor>
                <Text fz="xs" c="dimmed">{[q.bankId, q.branchName].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
            )}
            <Table.Td>
              <Anchor component={Link} to={`/complaints/${q.id}`} fz="xs" fw={500}>{q.subject}</Anchor>
              <Text fz="xs" c="dimmed">{categoryLabel(t, q.category)} · {t(`complaints.severities.${q.severity}`)}</Text>
            </Table.Td>
            <Table.Td>{t(`complaints.channels.${q.channel}`)}</Table.Td>
            <Table.Td>{q.ownerName ?? <Text span fz="xs" c="dimmed">{t('complaints.unowned')}</Text>}</Table.Td>
            <Table.Td>
              <Badge variant="light" tt="none" color={COMPLAINT_STATUS_COLOR[q.status]}>{t(`complaints.statuses.${q.status}`)}</Badge>
              {q.escalatedAt && <Text fz="xs" c="red">{t('complaints.escalated')}</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
