import { Anchor, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ProgramListItem } from './program-types.ts'
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx'
import type { ProgramFilter } from './usePrograms.ts'
import { usePrograms } from './usePrograms.ts'

const column = dataColumnHelper<ProgramListItem>()

/** The registry: one row per program with its key figures (empty while its case is incomplete). */
export function ProgramsTable({ filter, onPage }: { filter: ProgramFilter; onPage: (page: { limit: number; offset: number }) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const programs = usePrograms(filter)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('code', {
          header: t('programs.columns.code'),
          meta: { nowrap: true },
          cell: (cell) => (
            <Anchor component={Link} to={`/programs/${encodeURIComponent(cell.getValue())}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>
              {cell.getValue()}
            </Anchor>
          ),
        }),
        column.accessor('name', { header: t('programs.columns.name') }),
        column.accessor('goal', { header: t('programs.columns.goal'), meta: { nowrap: true }, cell: (cell) => (cell.getValue() ? t(`programs.goals.${cell.getValue()}`) : '—') }),
        column.accessor('status', { header: t('programs.columns.status'), meta: { nowrap: true }, cell: (cell) => <ProgramStatusBadge status={cell.getValue()} /> }),
        column.accessor('owner', { header: t('programs.columns.owner'), meta: { nowrap: true }, cell: (cell) => cell.getValue()?.fullName ?? '—' }),
        column.accessor('plannedStart', {
          header: t('programs.columns.dates'),
          meta: { nowrap: true },
          cell: (cell) => (cell.getValue() ? `${format.date(cell.getValue())} – ${format.date(cell.row.original.plannedEnd)}` : '—'),
        }),
        column.accessor('budget', { header: t('programs.columns.budget'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.money(cell.getValue()) }),
        column.accessor('npv', {
          header: t('programs.columns.npv'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => (
            <Text span fz="xs" c={cell.getValue() !== null && cell.getValue()! < 0 ? 'red' : undefined}>
              {format.money(cell.getValue())}
            </Text>
          ),
        }),
        column.accessor('roi', { header: t('programs.columns.roi'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.percent(cell.getValue(), 0) }),
        column.accessor('breakEvenUplift', { header: t('programs.columns.breakEven'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.percent(cell.getValue(), 2) }),
      ]),
    [t, format],
  )
  return (
    <DataTable
      testId="programs-table"
      columns={columns}
      rows={programs.data?.items}
      getRowId={(row) => row.code}
      fetching={programs.isFetching && programs.isPlaceholderData}
      error={programs.error}
      emptyTitle={filter.awaiting ? t('programs.list.inboxEmpty') : t('programs.list.empty')}
      emptyDescription={t('programs.list.emptyHint')}
      onRowClick={(row) => navigate(`/programs/${encodeURIComponent(row.code)}`)}
      skeletonRows={4}
      footer={<TablePager total={programs.data?.total} offset={filter.offset} limit={filter.limit} fetching={programs.isFetching} onChange={onPage} />}
    />
  )
}
