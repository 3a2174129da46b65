import { Group, Paper, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { Holding } from './client-types.ts'

const column = dataColumnHelper<Holding>()

export function HoldingsTable({ holdings }: { holdings: Holding[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const columns = useMemo(
    () =>
      column.columns([
        // The product and its type in one cell: the card shares the screen with personal data.
        column.accessor('productName', {
          header: t('holdings.product'),
          cell: (cell) => (
            <>
              <Text fz="xs" c={cell.row.original.closedAt ? 'dimmed' : undefined} td={cell.row.original.closedAt ? 'line-through' : undefined}>
                {cell.getValue()}
              </Text>
              <Text fz={11} c="dimmed">
                {t(`productTypes.${cell.row.original.productType}`, { defaultValue: cell.row.original.productType })}
              </Text>
            </>
          ),
        }),
        column.accessor('accountNo', { header: t('holdings.accountNo'), meta: { nowrap: true }, cell: (cell) => <Text fz="xs" ff="monospace">{cell.getValue()}</Text> }),
        column.accessor('openedAt', { header: t('holdings.openedAt'), meta: { nowrap: true }, cell: (cell) => format.date(cell.getValue()) }),
        column.accessor('closedAt', { header: t('holdings.closedAt'), meta: { nowrap: true }, cell: (cell) => format.date(cell.getValue()) }),
        column.accessor('balance', { header: t('holdings.balance'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.money(cell.getValue()) }),
        column.accessor('creditLimit', { header: t('holdings.creditLimit'), meta: { align: 'right', nowrap: true }, cell: (cell) => format.money(cell.getValue()) }),
      ]),
    [t, format],
  )
  // Open products first (newest first), closed ones after: what the client has now matters most.
  const rows = useMemo(
    () => [...holdings].sort((a, b) => Number(Boolean(a.closedAt)) - Number(Boolean(b.closedAt)) || b.openedAt.localeCompare(a.openedAt)),
    [holdings],
  )
  const open = holdings.filter((holding) => !holding.closedAt)
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" mb={4}>
        <Title order={3}>{t('holdings.title')}</Title>
        <Text fz="xs" c="dimmed">
          {t('holdings.summary', { open: open.length, total: holdings.length })}
        </Text>
      </Group>
      <DataTable testId="holdings-table" columns={columns} rows={rows} getRowId={(row) => String(row.id)} emptyTitle={t('holdings.empty')} />
    </Paper>
  )
}
