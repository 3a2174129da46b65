import { Anchor, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { DataTable } from '../../components/DataTable.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { SavedSelection } from './selection-types.ts'
import { useSelections } from './useSelections.ts'

const column = dataColumnHelper<SavedSelection>()

export function SelectionsTable() {
  const { t } = useTranslation()
  const format = useFormatters()
  const navigate = useNavigate()
  const selections = useSelections()
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', {
          header: t('selections.columns.name'),
          meta: { width: '30%' },
          cell: (cell) => (
            <Anchor component={Link} to={`/selections/${cell.row.original.id}`} fz="xs" fw={500} onClick={(event) => event.stopPropagation()}>
              {cell.getValue()}
            </Anchor>
          ),
        }),
        column.accessor('description', {
          header: t('selections.columns.description'),
          cell: (cell) => (
            <Text fz="xs" c={cell.getValue() ? undefined : 'dimmed'} lineClamp={2}>
              {cell.getValue() || '—'}
            </Text>
          ),
        }),
        column.accessor('version', { header: t('selections.columns.version'), meta: { align: 'right', width: 80 } }),
        column.accessor('updatedAt', { header: t('selections.columns.updated'), meta: { nowrap: true, width: 170 }, cell: (cell) => format.dateTime(cell.getValue()) }),
      ]),
    [t, format],
  )
  return (
    <DataTable
      testId="selections-table"
      columns={columns}
      rows={selections.data?.items}
      getRowId={(row) => String(row.id)}
      error={selections.error}
      emptyTitle={t('selections.list.empty')}
      emptyDescription={t('selections.list.emptyHint')}
      onRowClick={(row) => navigate(`/selections/${row.id}`)}
      skeletonRows={4}
    />
  )
}
