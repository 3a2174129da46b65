import { Badge, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { SegmentBadge, StatusBadge, VipBadge } from './ClientBadges.tsx'
import type { ClientCard } from './client-types.ts'

export function ClientHeader({ client }: { client: ClientCard['client'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Stack gap={4} mb="sm">
      <Group gap="xs" align="center">
        <Title order={1} data-testid="client-name">
          {client.fullName}
        </Title>
        {client.vip && <VipBadge />}
        <SegmentBadge segment={client.segment} />
        <StatusBadge status={client.status} />
        {client.doNotContact && (
          <Badge color="red" variant="light" tt="none">
            {t('client.doNotContact')}
          </Badge>
        )}
      </Group>
      <Group gap="md">
        <Text fz="xs" c="dimmed">
          {t('client.bankId')}:{' '}
          <Text span fz="xs" c="dark" ff="monospace" data-testid="client-bank-id">
            {client.bankId}
          </Text>
        </Text>
        {client.branchName && (
          <Text fz="xs" c="dimmed">
            {t('client.branch')}: <Text span fz="xs" c="dark">{client.branchName}</Text>
          </Text>
        )}
        {client.status !== 'active' && (
          <Text fz="xs" c="dimmed">
            {t('client.statusSince', { date: format.date(client.statusDate) })}
            {client.statusReason ? ` · ${client.statusReason}` : ''}
          </Text>
        )}
      </Group>
    </Stack>
  )
}
