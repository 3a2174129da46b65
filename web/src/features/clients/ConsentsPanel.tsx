import type { TFunction } from 'i18next'
import { Collapse, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { Channel, ClientCard } from './client-types.ts'

const CHANNELS: Channel[] = ['email', 'sms', 'call', 'letter']

export function ConsentsPanel({ consents }: { consents: ClientCard['consents'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [showHistory, setShowHistory] = useState(false)
  return (
    <Paper withBorder p="xs">
      <Title order={3} mb={4}>
        {t('consents.title')}
      </Title>
      <Table fz="xs" verticalSpacing={3} data-testid="consents-current">
        <ConsentsHead />
        <Table.Tbody>
          {CHANNELS.map((channel) => {
            const consent = consents.current.find((c) => c.channel === channel)
            return (
              <Table.Tr key={channel}>
                <Table.Td>{t(`channels.${channel}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <ConsentState granted={consent?.granted} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{consent ? format.dayOf(consent.effectiveAt) : '—'}</Table.Td>
                <Table.Td>{describeSource(t, consent?.source)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <UnstyledButton mt={6} fz="xs" c="navy.8" onClick={() => setShowHistory((shown) => !shown)} aria-expanded={showHistory}>
        {showHistory ? '▾' : '▸'} {t('consents.history', { n: consents.history.length })}
      </UnstyledButton>
      <Collapse expanded={showHistory}>
        {consents.history.length === 0 ? (
          <Text fz="xs" c="dimmed" mt={4}>
            {t('consents.noHistory')}
          </Text>
        ) : (
          <Table fz="xs" verticalSpacing={2} mt={4} data-testid="consents-history">
            <ConsentsHead />
            <Table.Tbody>
              {consents.history.map((record, index) => (
                <Table.Tr key={`${record.channel}-${record.effectiveAt}-${index}`}>
                  <Table.Td>{t(`channels.${record.channel}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <ConsentState granted={record.granted} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dayOf(record.effectiveAt)}</Table.Td>
                  <Table.Td>
                    {describeSource(t, record.source)}
                    <Text fz={11} c="dimmed">
                      {t('consents.recordedAt', { date: format.dayOf(record.recordedAt) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Collapse>
    </Paper>
  )
}

function ConsentState({ granted }: { granted: boolean | undefined }) {
  const { t } = useTranslation()
  const [color, label] = granted === undefined ? ['gray.6', t('consents.none')] : granted ? ['teal.8', t('consents.granted')] : ['red.8', t('consents.refused')]
  return (
    <Text span fz="xs" fw={500} c={color}>
      ● {label}
    </Text>
  )
}

/** The header both consent tables share: the current answers and their history. */
function ConsentsHead() {
  const { t } = useTranslation()
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('consents.channel')}</Table.Th>
        <Table.Th>{t('consents.state')}</Table.Th>
        <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('consents.since')}</Table.Th>
        <Table.Th>{t('consents.source')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  )
}

/** Where a consent was given, in words: the bank's channels by name, an import by its number. */
function describeSource(t: TFunction, source: string | null | undefined): string {
  if (!source) return '—'
  const fromImport = /^import #(\d+)$/.exec(source)
  if (fromImport) return t('consents.importSource', { id: fromImport[1] })
  return t(`consents.sources.${source}`, { defaultValue: source })
}
