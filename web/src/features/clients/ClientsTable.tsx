import { Anchor, Group } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import type { SortingState } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { TruncatedText } from '../../components/TruncatedText.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { SegmentBadge, StatusBadge, VipBadge } from './ClientBadges.tsx'
import { PersonalValue } from './PersonalValue.tsx'
import type { ClientFilters, ClientRow } from './client-types.ts'
import { formatPhone } from './format-phone.ts'
import { useClients } from './useClients.ts'

const column = dataColumnHelper<ClientRow>()
// One line per client: at 1366×768 a name wrapped onto three lines and the income column was cut.
// Longer names and branches end in "…" with the whole text on hover, the VIP badge sits beside the
// name rather than in a column of its own, and the birth date and "client since" show on wide
// screens only (the card has both).
const NAME_WIDTH = { narrow: 220, wide: 300 }
const VIP_BADGE_WIDTH = 36
const BRANCH_WIDTH = { narrow: 150, wide: 210 }
const WIDE_SCREEN = '(min-width: 1600px)'

export function ClientsTable({ filters, onChange }: { filters: ClientFilters; onChange: (change: Partial<ClientFilters>) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const clients = useClients(filters)
  const wide = useMediaQuery(WIDE_SCREEN, window.matchMedia(WIDE_SCREEN).matches, { getInitialValueInEffect: false })
  const nameWidth = wide ? NAME_WIDTH.wide : NAME_WIDTH.narrow

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('bankId', { header: t('clients.columns.bankId'), meta: { nowrap: true, width: 110 } }),
        column.accessor('fullName', {
          header: t('clients.columns.fullName'),
          meta: { nowrap: true },
          cell: (cell) => (
            <Group gap={6} wrap="nowrap">
              <TruncatedText label={cell.getValue()} minWidth={nameWidth - (cell.row.original.vip ? VIP_BADGE_WIDTH : 0)}>
                <Anchor component={Link} to={`/clients/${cell.row.original.id}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>
                  {cell.getValue()}
                </Anchor>
              </TruncatedText>
              {cell.row.original.vip && <VipBadge />}
            </Group>
          ),
        }),
        // Personal fields do not sort: the order alone would reveal masked values (the API refuses too).
        ...(wide
          ? [
              column.accessor('birthDate', {
                header: t('clients.columns.birthDate'),
                enableSorting: false,
                meta: { nowrap: true },
                cell: (cell) => <PersonalValue raw={cell.getValue()} shown={format.date(cell.getValue())} />,
              }),
            ]
          : []),
        column.accessor('phone', {
          header: t('clients.columns.phone'),
          enableSorting: false,
          meta: { nowrap: true },
          cell: (cell) => <PersonalValue raw={cell.getValue()} shown={formatPhone(cell.getValue())} />,
        }),
        column.accessor('segment', { header: t('clients.columns.segment'), meta: { nowrap: true }, cell: (cell) => <SegmentBadge segment={cell.getValue()} /> }),
        column.accessor('status', { header: t('clients.columns.status'), meta: { nowrap: true }, cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
        column.accessor('branchName', {
          id: 'branchCode',
          header: t('clients.columns.branch'),
          meta: { nowrap: true },
          cell: (cell) => <TruncatedText label={cell.getValue() ?? '—'} minWidth={wide ? BRANCH_WIDTH.wide : BRANCH_WIDTH.narrow} />,
        }),
        ...(wide ? [column.accessor('clientSince', { header: t('clients.columns.clientSince'), meta: { nowrap: true }, cell: (cell) => format.date(cell.getValue()) })] : []),
        column.accessor('monthlyIncome', {
          header: t('clients.columns.monthlyIncome'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => format.money(cell.getValue()),
        }),
      ]),
    [t, format, wide, nameWidth],
  )

  // Without a chosen sort the API orders by name: the table shows that.
  const sorting: SortingState = [{ id: filters.sort || 'fullName', desc: filters.sort ? filters.order === 'desc' : false }]
  const filtered = Boolean(filters.q || filters.branch || filters.segment || filters.status || filters.vip)
  return (
    <DataTable
      testId="clients-table"
      columns={columns}
      rows={clients.data?.items}
      getRowId={(row) => String(row.id)}
      sorting={sorting}
      onSortingChange={(next) => onChange({ sort: next[0]?.id ?? '', order: next[0]?.desc ? 'desc' : 'asc' })}
      fetching={clients.isFetching && clients.isPlaceholderData}
      error={clients.error}
      emptyTitle={filtered ? t('clients.emptyFiltered') : t('clients.emptyBase')}
      emptyDescription={filtered ? t('clients.emptyFilteredHint') : t('clients.emptyBaseHint')}
      onRowClick={(row) => navigate(`/clients/${row.id}`)}
      footer={
        <TablePager
          bounds={clients.data?.bounds}
          total={clients.data?.total}
          offset={filters.offset}
          limit={filters.limit}
          fetching={clients.isFetching}
          onChange={(page) => onChange(page)}
        />
      }
    />
  )
}
