import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { OFFER_STATUS_COLOR } from './offer-status-color.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { OfferEditor } from './OfferEditor.tsx'
import { useOffers } from './useOffers.ts'

/** The marketer's catalogue of offers: the list, and the chosen offer's editor with its preview. */
export function OffersPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const offers = useOffers()
  // The program page links to its offer as /offers?code=…
  const [search] = useSearchParams()
  const [chosen, setChosen] = useState<string | 'new' | undefined>(search.get('code') ?? undefined)
  const canWrite = canCall(me.role, 'POST /api/offers')
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('offers.title')}
        subtitle={t('offers.subtitle')}
        actions={canWrite && <Button size="xs" onClick={() => setChosen('new')}>{t('offers.new')}</Button>}
      />
      {offers.error && <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Paper withBorder p="xs">
          <Table fz="xs" highlightOnHover data-testid="offer-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('offers.columns.offer')}</Table.Th>
                <Table.Th>{t('offers.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('offers.columns.rate')}</Table.Th>
                <Table.Th>{t('offers.columns.validUntil')}</Table.Th>
                <Table.Th>{t('offers.columns.channels')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offers.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text fz="xs" c="dimmed">{t('offers.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {offers.data?.items.map((offer) => (
                <Table.Tr key={offer.code} onClick={() => setChosen(offer.code)} style={{ cursor: 'pointer' }} bg={chosen === offer.code ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Text fz="xs">{offer.name}</Text>
                    <Text fz={10} c="dimmed">
                      {offer.code} · {t('offers.version', { version: offer.version })}
                      {offer.productName ? ` · ${offer.productName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" tt="none" color={OFFER_STATUS_COLOR[offer.status]}>
                      {t(`offers.status.${offer.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{offer.rate == null ? '—' : format.percent(offer.rate, 2)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{offer.validUntil ? format.date(offer.validUntil) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {offer.channels.map((channel) => (
                        <Badge key={channel} size="xs" variant="outline" tt="none">
                          {t(`offers.channels.${channel}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {chosen !== undefined ? (
          <OfferEditor key={chosen} code={chosen === 'new' ? undefined : chosen} onSaved={(code) => setChosen(code)} />
        ) : (
          <Paper withBorder p="md">
            <Text fz="xs" c="dimmed">{t('offers.choose')}</Text>
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  )
}
