import { Box, EmptyState, Skeleton, Table, Text, UnstyledButton } from '@mantine/core'
import { useTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './ErrorAlert.tsx'
import { dataTableFeatures, type DataTableFeatures } from './data-table-features.ts'

export type DataTableProps<T extends RowData> = {
  // The column value types differ per column; the table only renders them.
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, T, any>> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** undefined while the first page loads. */
  rows: T[] | undefined
  getRowId: (row: T) => string
  sorting?: SortingState
  onSortingChange?: (sorting: SortingState) => void
  /** Refetching with the previous rows still shown. */
  fetching?: boolean
  error?: unknown
  emptyTitle: string
  emptyDescription?: string
  onRowClick?: (row: T) => void
  /** Shown under the table, usually a TablePager. */
  footer?: ReactNode
  skeletonRows?: number
  testId?: string
}

const NO_SORTING: SortingState = []

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { t } = useTranslation()
  const sorting = props.sorting ?? NO_SORTING
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.rows ?? (EMPTY as T[]),
    getRowId: props.getRowId,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      props.onSortingChange?.(next)
    },
    manualSorting: true,
    enableSorting: Boolean(props.onSortingChange),
    enableMultiSort: false,
  })
  const columnCount = props.columns.length

  return (
    <Box>
      <Table.ScrollContainer minWidth={600} type="native">
        <Table striped highlightOnHover={Boolean(props.onRowClick)} withTableBorder stickyHeader tabularNums data-testid={props.testId}>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta
                  const sorted = header.column.getIsSorted()
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />
                  return (
                    <Table.Th
                      key={header.id}
                      w={meta?.width}
                      ta={meta?.align}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton
                          onClick={header.column.getToggleSortingHandler()}
                          fz="xs"
                          fw={600}
                          title={t('table.sortBy')}
                          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                        >
                          {label}
                          <Text span fz={10} c={sorted ? 'navy' : 'gray.5'} aria-hidden>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </Text>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody style={{ opacity: props.fetching ? 0.55 : 1, transition: 'opacity 120ms' }}>
            {props.error ? (
              <FullRow columns={columnCount}>
                <ErrorAlert error={props.error} />
              </FullRow>
            ) : !props.rows ? (
              Array.from({ length: props.skeletonRows ?? 8 }, (_, i) => (
                <Table.Tr key={i} aria-busy>
                  {Array.from({ length: columnCount }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton height={10} my={3} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            ) : props.rows.length === 0 ? (
              <FullRow columns={columnCount}>
                <EmptyState size="sm" py="lg" title={props.emptyTitle} description={props.emptyDescription} />
              </FullRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  onClick={props.onRowClick ? () => props.onRowClick?.(row.original) : undefined}
                  style={props.onRowClick ? { cursor: 'pointer' } : undefined}
                >
                  {row.getAllCells().map((cell) => {
                    const meta = cell.column.columnDef.meta
                    return (
                      <Table.Td key={cell.id} ta={meta?.align} style={meta?.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                        <table.FlexRender cell={cell} />
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.footer}
    </Box>
  )
}

const EMPTY: unknown[] = []

function FullRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns} p="sm" bg="white">
        {children}
      </Table.Td>
    </Table.Tr>
  )
}
