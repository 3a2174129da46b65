import { Badge, Group, Paper, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { TruncatedText } from '../../components/TruncatedText.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { ImportStatusBadge } from './ImportStatusBadge.tsx'
import type { ImportSummary } from './import-types.ts'
import { useImports } from './useImports.ts'

const column = dataColumnHelper<ImportSummary>()

export function ImportHistoryTable({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [page, setPage] = useState({ offset: 0, limit: 25 })
  const imports = useImports(page)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('id', { header: '№', meta: { align: 'right', width: 50 } }),
        column.accessor('startedAt', { header: t('imports.history.startedAt'), meta: { nowrap: true }, cell: (cell) => format.dateTime(cell.getValue()) }),
        column.accessor('kind', {
          header: t('imports.history.kind'),
          cell: (cell) => {
            const program = cell.row.original.program
            return `${t(`importKinds.${cell.getValue()}`)}${program ? ` · ${program}` : ''}`
          },
        }),
        column.accessor('fileName', { header: t('imports.file'), meta: { nowrap: true }, cell: (cell) => <TruncatedText label={cell.getValue()} minWidth={130} /> }),
        column.accessor('login', { header: t('imports.history.login'), cell: (cell) => cell.getValue() ?? '—' }),
        column.accessor('status', {
          header: t('imports.history.status'),
          cell: (cell) => (
            // Side by side when the screen has room; the dry-run mark goes under the status when not.
            <Group gap={4}>
              <ImportStatusBadge status={cell.getValue()} />
              {cell.row.original.dryRun && (
                <Badge color="gray" variant="outline" tt="none">
                  {t('imports.dryRunBadge')}
                </Badge>
              )}
            </Group>
          ),
        }),
        column.accessor('rowsRead', { header: t('imports.result.rowsRead'), meta: { align: 'right' }, cell: (cell) => format.number(cell.getValue()) }),
        column.accessor('loaded', {
          header: t('imports.result.loaded'),
          meta: { align: 'right' },
          // A dry run loads nothing: its count is what would have loaded, shown dimmed.
          cell: (cell) =>
            cell.row.original.dryRun ? (
              <Text span fz="xs" c="dimmed" title={t('imports.result.wouldLoad')}>
                {format.number(cell.getValue())}
              </Text>
            ) : (
              format.number(cell.getValue())
            ),
        }),
        column.accessor('rejected', { header: t('imports.result.rejected'), meta: { align: 'right' }, cell: (cell) => format.number(cell.getValue()) }),
        column.accessor('finishedAt', { header: t('imports.history.finishedAt'), meta: { nowrap: true }, cell: (cell) => format.dateTime(cell.getValue()) }),
      ]),
    [t, format],
  )
  return (
    <Paper withBorder p="sm">
      <Title order={2} mb="xs">
        {t('imports.history.title')}
      </Title>
      <DataTable
        testId="import-history"
        columns={columns}
        rows={imports.data?.items}
        getRowId={(row) => String(row.id)}
        fetching={imports.isFetching && imports.isPlaceholderData}
        error={imports.error}
        emptyTitle={t('imports.history.empty')}
        emptyDescription={t('imports.history.emptyHint')}
        onRowClick={(row) => onOpen(row.id)}
        skeletonRows={4}
        footer={<TablePager total={imports.data?.total} offset={page.offset} limit={page.limit} onChange={setPage} pageSizes={[10, 25, 50, 100]} />}
      />
    </Paper>
  )
}
