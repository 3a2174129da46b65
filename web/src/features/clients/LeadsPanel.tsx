import { Badge, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { LEAD_STATUS_COLOR } from '../leads/LeadsPage.tsx'
import type { ClientCard } from './client-types.ts'

/**
 * The client's leads on the card: which program's contact made each, what the client did, where it
 * stands, who follows it up (whoever took it in work, else the personal manager or branch it is
 * routed to) and the sale that closed it.
 */
export function LeadsPanel({ leads, client }: { leads: ClientCard['leads']; client: ClientCard['client'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const follower = (lead: ClientCard['leads'][number]) => {
    if (lead.workedBy) return lead.workedBy
    if (lead.route === 'personal_manager' && client.personalManager) return client.personalManager.fullName
    if (lead.route === 'branch' && client.branchName) return client.branchName
    return t(`leads.route.${lead.route}`)
  }
  return (
    <Paper withBorder p="xs" data-testid="client-leads">
      <Title order={3} mb={4}>
        {t('clientLeads.title')}
      </Title>
      {leads.length === 0 ? (
        <Text fz="xs" c="dimmed">{t('clientLeads.none')}</Text>
      ) : (
        <Table fz="xs" verticalSpacing={3}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientLeads.at')}</Table.Th>
              <Table.Th>{t('clientLeads.program')}</Table.Th>
              <Table.Th>{t('clientLeads.outcome')}</Table.Th>
              <Table.Th>{t('clientLeads.status')}</Table.Th>
              <Table.Th>{t('clientLeads.manager')}</Table.Th>
              <Table.Th>{t('clientLeads.sale')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leads.map((lead) => (
              <Table.Tr key={lead.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(lead.at)}</Table.Td>
                <Table.Td>
                  {lead.programCode}
                  <Text span fz="xs" c="dimmed">{` · ${lead.programName}`}</Text>
                </Table.Td>
                <Table.Td>{t(`leads.outcome.${lead.outcome}`)}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={LEAD_STATUS_COLOR[lead.status]} tt="none">{t(`leads.status.${lead.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{follower(lead)}</Table.Td>
                <Table.Td>{lead.sale ? `${lead.sale.productName} · ${format.money(Number(lead.sale.amount))} · ${format.date(lead.sale.date)}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
