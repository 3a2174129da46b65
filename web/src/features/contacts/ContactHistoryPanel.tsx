import { Anchor, Badge, Button, Group, Paper, Select, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { ContactHistoryLine } from '../../../../src/contract/contact-history-schemas.ts'
import { CHANNELS } from '../../../../src/contract/channels.ts'
import { CONTACT_STATES } from '../../../../src/contract/contact-states.ts'
import { toQuery } from '../../api/api-fetch.ts'
import { canCall } from '../../app/permissions.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { ExportMenu } from '../../components/ExportMenu.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { formatPhone } from '../clients/format-phone.ts'
import { CONTACT_STATE_COLOR } from '../clients/ContactsPanel.tsx'
import { PersonalValue } from '../clients/PersonalValue.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { contactHistoryPath, useContactHistory, type ContactHistoryFilter, type ContactHistorySource } from './useContactHistory.ts'

const PAGE_SIZE = 50
const column = dataColumnHelper<ContactHistoryLine>()

/** A wave's (or a program's, all its waves) contacts, newest first: who, where to, in which state, delivered or why not. */
export function ContactHistoryPanel({ source }: { source: ContactHistorySource }) {
  const { t, i18n } = useTranslation()
  const user = useSignedInUser()
  const navigate = useNavigate()
  const [filter, setFilter] = useState<ContactHistoryFilter>({})
  // Keyset pages: the `before` of each page seen so far, so "newer" steps back without offsets.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined])
  const history = useContactHistory(source, filter, cursors.at(-1), PAGE_SIZE)
  const columns = useContactColumns('program' in source)
  // While a page loads the previous one stays on screen: its `next` is not this page's, so no step until it arrives.
  const next = history.isPlaceholderData ? null : (history.data?.next ?? null)
  const exportRoute = 'wave' in source ? 'GET /api/waves/:id/contacts/export' : 'GET /api/programs/:code/contacts/export'
  const changeFilter = (change: ContactHistoryFilter) => {
    setFilter({ ...filter, ...change })
    setCursors([undefined])
  }
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="contact-history">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="nowrap">
        <Title order={2}>{t('contactHistory.title')}</Title>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            w={170} size="xs" label={t('contactHistory.state')} placeholder={t('common.all')} clearable data-testid="contact-history-state"
            data={CONTACT_STATES.map((state) => ({ value: state, label: t(`clientContacts.states.${state}`) }))}
            value={filter.state ?? null}
            onChange={(value) => changeFilter({ state: value ?? undefined })}
          />
          <Select
            w={130} size="xs" label={t('contactHistory.channel')} placeholder={t('common.all')} clearable data-testid="contact-history-channel"
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
            value={filter.channel ?? null}
            onChange={(value) => changeFilter({ channel: value ?? undefined })}
          />
          {canCall(user.role, exportRoute) && (
            <ExportMenu size="xs" testId="contact-history-export" href={(format) => `${contactHistoryPath(source)}/export${toQuery({ ...filter, format, lang: i18n.language })}`} />
          )}
        </Group>
      </Group>
      <DataTable
        testId="contact-history-table"
        columns={columns}
        rows={history.data?.items}
        getRowId={(row) => String(row.id)}
        fetching={history.isFetching && history.isPlaceholderData}
        error={history.error}
        emptyTitle={t('contactHistory.none')}
        onRowClick={(row) => navigate(`/clients/${row.clientId}`)}
        skeletonRows={5}
        footer={
          <Group justify="space-between" py={6} px={2}>
            <Text fz="xs" c="dimmed" data-testid="contact-history-page">{t('contactHistory.page', { n: cursors.length })}</Text>
            <Group gap={6}>
              <Button variant="default" size="compact-xs" disabled={cursors.length === 1 || history.isPlaceholderData} onClick={() => setCursors(cursors.slice(0, -1))} data-testid="contact-history-newer">
                ← {t('contactHistory.newer')}
              </Button>
              <Button variant="default" size="compact-xs" disabled={next === null} onClick={() => setCursors([...cursors, next!])} data-testid="contact-history-older">
                {t('contactHistory.older')} →
              </Button>
            </Group>
          </Group>
        }
      />
    </Paper>
  )
}

function useContactColumns(withWave: boolean) {
  const { t } = useTranslation()
  const format = useFormatters()
  return useMemo(() => {
    const time = (at: string | null) => (at ? format.dateTime(at) : '—')
    return column.columns([
      column.accessor((row) => row.sentAt ?? row.updatedAt, { id: 'at', header: t('contactHistory.columns.at'), meta: { nowrap: true }, cell: (cell) => time(cell.getValue()) }),
      column.accessor('fullName', {
        header: t('contactHistory.columns.client'),
        cell: (cell) => (
          <>
            <Anchor component={Link} to={`/clients/${cell.row.original.clientId}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>{cell.getValue()}</Anchor>
            <Text span fz={11} c="dimmed">{` · ${cell.row.original.bankId}`}</Text>
          </>
        ),
      }),
      ...(withWave
        ? [column.accessor('wave', {
            header: t('contactHistory.columns.wave'), meta: { nowrap: true },
            cell: (cell) => <Anchor component={Link} to={`/selections/waves/${cell.getValue()}`} fz="xs" onClick={(event) => event.stopPropagation()}>{t('waves.number', { id: cell.getValue() })}</Anchor>,
          })]
        : []),
      column.accessor('channel', { header: t('contactHistory.columns.channel'), meta: { nowrap: true }, cell: (cell) => t(`channels.${cell.getValue()}`) }),
      column.accessor('address', {
        header: t('contactHistory.columns.address'), meta: { nowrap: true },
        cell: (cell) => <PersonalValue raw={cell.getValue()} shown={cell.row.original.channel === 'email' ? (cell.getValue() ?? '—') : formatPhone(cell.getValue())} />,
      }),
      column.accessor('state', {
        header: t('contactHistory.columns.state'),
        cell: (cell) => {
          const row = cell.row.original
          return (
            <>
              <Badge size="xs" variant="light" color={CONTACT_STATE_COLOR[row.state]} tt="none">{t(`clientContacts.states.${row.state}`)}</Badge>
              {row.skipReason && <Text span fz="xs" c="dimmed">{` · ${t(`waves.sending.skippedBy.${row.skipReason}`, { defaultValue: row.skipReason })}`}</Text>}
              {row.state === 'queued' && row.nextAttemptAt && <Text span fz="xs" c="dimmed">{` · ${t('contactHistory.nextAttempt', { at: time(row.nextAttemptAt) })}`}</Text>}
            </>
          )
        },
      }),
      column.accessor('deliveryStatus', {
        header: t('contactHistory.columns.delivery'),
        cell: (cell) => {
          const row = cell.row.original
          if (!row.deliveryStatus) return '—'
          return `${t(`clientContacts.delivery.${row.deliveryStatus}`, { defaultValue: row.deliveryStatus })}${row.deliveredAt ? ` · ${time(row.deliveredAt)}` : ''}`
        },
      }),
      column.accessor('attempts', { header: t('contactHistory.columns.attempts'), meta: { align: 'right', nowrap: true } }),
      column.accessor('error', {
        header: t('contactHistory.columns.error'),
        cell: (cell) => (cell.getValue() ? <Text span fz="xs" c="red.8" lineClamp={2} title={cell.getValue()!}>{cell.getValue()}</Text> : ''),
      }),
    ])
  }, [t, format, withWave])
}
