import { Anchor } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { SegmentBadge, StatusBadge, VipBadge } from '../clients/ClientBadges.tsx'
import { PersonalValue } from '../clients/PersonalValue.tsx'
import type { ClientRow } from '../clients/client-types.ts'
import { formatPhone } from '../clients/format-phone.ts'
import type { WaveGroup } from './selection-types.ts'
import { useWaveMembers } from './useWaveMembers.ts'

const column = dataColumnHelper<ClientRow>()

/** The members of one group of a wave: the client list's columns, masked for the role as there. */
export function WaveMembersTable({ wave, group }: { wave: number; group: WaveGroup }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const [page, setPage] = useState({ limit: 25, offset: 0 })
  const members = useWaveMembers({ wave, group, ...page })
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
        column.accessor('phone', { header: t('clients.columns.phone'), meta: { nowrap: true }, cell: (cell) => <PersonalValue raw={cell.getValue()} shown={formatPhone(cell.getValue())} /> }),
        column.accessor('segment', { header: t('clients.columns.segment'), meta: { nowrap: true }, cell: (cell) => <SegmentBadge segment={cell.getValue()} /> }),
        column.accessor('vip', { header: t('clients.columns.vip'), meta: { align: 'center', nowrap: true }, cell: (cell) => (cell.getValue() ? <VipBadge /> : null) }),
        column.accessor('status', { header: t('clients.columns.status'), meta: { nowrap: true }, cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
        column.accessor('branchName', { header: t('clients.columns.branch'), cell: (cell) => cell.getValue() ?? '—' }),
        column.accessor('monthlyIncome', { header: t('clients.columns.monthlyIncome'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.money(cell.getValue()) }),
      ]),
    [t, format],
  )
  return (
    <DataTable
      testId={`wave-members-${group}`}
      columns={columns}
      rows={members.data?.items}
      getRowId={(row) => String(row.id)}
      fetching={members.isFetching && members.isPlaceholderData}
      error={members.error}
      emptyTitle={t('waves.page.noMembers')}
      onRowClick={(row) => navigate(`/clients/${row.id}`)}
      skeletonRows={5}
      footer={<TablePager bounds={members.data?.bounds} total={members.data?.total} offset={page.offset} limit={page.limit} fetching={members.isFetching} onChange={setPage} />}
    />
  )
}
