import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ClientCard } from './client-types.ts'

/** A contact state's colour wherever contacts are listed (the card, a wave's or a program's history). */
export const CONTACT_STATE_COLOR = { queued: 'gray', sending: 'blue', sent: 'teal', failed: 'red', unknown: 'yellow', skipped: 'gray' } as const

/** The client's contact history: what each program sent, on which channel, and whether it arrived. */
export function ContactsPanel({ contacts }: { contacts: ClientCard['contacts'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="xs" data-testid="client-contacts">
      <Title order={3} mb={4}>
        {t('clientContacts.title')}
      </Title>
      {contacts.length === 0 ? (
        <Text fz="xs" c="dimmed">{t('clientContacts.none')}</Text>
      ) : (
        <Table fz="xs" verticalSpacing={3}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientContacts.at')}</Table.Th>
              <Table.Th>{t('clientContacts.channel')}</Table.Th>
              <Table.Th>{t('clientContacts.program')}</Table.Th>
              <Table.Th>{t('clientContacts.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.at ? format.dateTime(c.at) : '—'}</Table.Td>
                <Table.Td>{t(`channels.${c.channel}`)}</Table.Td>
                <Table.Td>
                  {c.program ?? '—'}
                  {c.wave !== null && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/selections/waves/${c.wave}`} fz="xs">{t('waves.number', { id: c.wave })}</Anchor>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={CONTACT_STATE_COLOR[c.status]} tt="none">{t(`clientContacts.states.${c.status}`)}</Badge>
                  {c.deliveryStatus && <Text span fz="xs" c="dimmed">{` · ${t(`clientContacts.delivery.${c.deliveryStatus}`, { defaultValue: c.deliveryStatus })}`}</Text>}
                  {c.skipReason && <Text span fz="xs" c="dimmed">{` · ${t(`waves.sending.skippedBy.${c.skipReason}`, { defaultValue: c.skipReason })}`}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
