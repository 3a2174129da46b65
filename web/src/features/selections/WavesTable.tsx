import { Anchor, Badge } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { WaveSummary } from './selection-types.ts'
import { useWaves } from './useWaves.ts'

const column = dataColumnHelper<WaveSummary>()

/** Built waves, newest first. */
export function WavesTable() {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const [page, setPage] = useState({ limit: 25, offset: 0 })
  const waves = useWaves(page)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('id', {
          header: t('waves.columns.wave'),
          meta: { nowrap: true, width: 80 },
          cell: (cell) => (
            <Anchor component={Link} to={`/selections/waves/${cell.getValue()}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>
              {t('waves.number', { id: cell.getValue() })}
            </Anchor>
          ),
        }),
        column.accessor('programCode', { header: t('waves.columns.program'), meta: { nowrap: true } }),
        column.accessor('kind', {
          header: t('waves.columns.kind'),
          meta: { nowrap: true },
          cell: (cell) => (
            <Badge variant="light" color={cell.getValue() === 'pilot' ? 'grape' : 'teal'} tt="none">
              {t(`waves.kinds.${cell.getValue()}`)}
            </Badge>
          ),
        }),
        column.accessor('channel', { header: t('waves.columns.channel'), meta: { nowrap: true }, cell: (cell) => t(`channels.${cell.getValue()}`) }),
        column.accessor('target', { header: t('waves.columns.target'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.number(cell.getValue()) }),
        column.accessor('control', { header: t('waves.columns.control'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.number(cell.getValue()) }),
        column.accessor('controlShare', { header: t('waves.columns.controlShare'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.percent(cell.getValue(), 1) }),
        column.accessor('asOf', { header: t('waves.columns.asOf'), meta: { nowrap: true }, cell: (cell) => format.date(cell.getValue()) }),
        column.accessor('builtAt', { header: t('waves.columns.builtAt'), meta: { nowrap: true }, cell: (cell) => format.dateTime(cell.getValue()) }),
      ]),
    [t, format],
  )
  return (
    <DataTable
      testId="waves-table"
      columns={columns}
      rows={waves.data?.items}
      getRowId={(row) => String(row.id)}
      fetching={waves.isFetching && waves.isPlaceholderData}
      error={waves.error}
      emptyTitle={t('waves.list.empty')}
      emptyDescription={t('waves.list.emptyHint')}
      onRowClick={(row) => navigate(`/selections/waves/${row.id}`)}
      skeletonRows={4}
      footer={<TablePager total={waves.data?.total} offset={page.offset} limit={page.limit} fetching={waves.isFetching} onChange={setPage} />}
    />
  )
}
