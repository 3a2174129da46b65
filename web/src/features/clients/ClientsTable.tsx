import { Anchor } from '@mantine/core'
import type { SortingState } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { SegmentBadge, StatusBadge, VipBadge } from './ClientBadges.tsx'
import { PersonalValue } from './PersonalValue.tsx'
import type { ClientFilters, ClientRow } from './client-types.ts'
import { formatPhone } from './format-phone.ts'
import { useClients } from './useClients.ts'

const column = dataColumnHelper<ClientRow>()

export function ClientsTable({ filters, onChange }: { filters: ClientFilters; onChange: (change: Partial<ClientFilters>) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const clients = useClients(filters)

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('bankId', { header: t('clients.columns.bankId'), meta: { nowrap: true, width: 110 } }),
        column.accessor('fullName', {
          header: t('clients.columns.fullName'),
          cell: (cell) => (
            <Anchor component={Link} to={`/clients/${cell.row.original.id}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>
              {cell.getValue()}
            </Anchor>
          ),
        }),
        // Personal fields do not sort: the order alone would reveal masked values (the API refuses too).
        column.accessor('birthDate', {
          header: t('clients.columns.birthDate'),
          enableSorting: false,
          meta: { nowrap: true },
          cell: (cell) => <PersonalValue raw={cell.getValue()} shown={format.date(cell.getValue())} />,
        }),
        column.accessor('phone', {
          header: t('clients.columns.phone'),
          enableSorting: false,
          meta: { nowrap: true },
          cell: (cell) => <PersonalValue raw={cell.getValue()} shown={formatPhone(cell.getValue())} />,
        }),
        column.accessor('segment', { header: t('clients.columns.segment'), meta: { nowrap: true }, cell: (cell) => <SegmentBadge segment={cell.getValue()} /> }),
        column.accessor('vip', { header: t('clients.columns.vip'), enableSorting: false, meta: { align: 'center', nowrap: true }, cell: (cell) => (cell.getValue() ? <VipBadge /> : null) }),
        column.accessor('status', { header: t('clients.columns.status'), meta: { nowrap: true }, cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
        column.accessor('branchName', { id: 'branchCode', header: t('clients.columns.branch'), cell: (cell) => cell.getValue() ?? '—' }),
        column.accessor('clientSince', { header: t('clients.columns.clientSince'), meta: { nowrap: true }, cell: (cell) => format.date(cell.getValue()) }),
        column.accessor('monthlyIncome', {
          header: t('clients.columns.monthlyIncome'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => format.money(cell.getValue()),
        }),
      ]),
    [t, format],
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
