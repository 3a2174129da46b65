import { Badge, Button, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { impliedMargin, isCreditProduct } from '../../../../src/contract/product-margin.ts'
import { canCall } from '../../app/permissions.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ProductList } from '../programs/program-types.ts'
import { useProducts } from '../programs/useProducts.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ImpliedMarginText } from './ImpliedMarginText.tsx'
import { ProductTermsForm } from './ProductTermsForm.tsx'

export type CatalogueProduct = ProductList['items'][number]

const column = dataColumnHelper<CatalogueProduct>()

/** The product catalogue: the terms every business case counts on, and the margin a year they imply. */
export function ProductCataloguePage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const canEdit = canCall(me.role, 'PATCH /api/products/:code')
  const products = useProducts()
  const [editing, setEditing] = useState<CatalogueProduct | undefined>(undefined)
  const columns = useMemo(() => {
    const rate = (value: number | null | undefined) => (value == null ? '—' : format.percent(value, 2))
    return column.columns([
        column.accessor('name', {
          header: t('catalogue.product'),
          cell: (cell) => (
            <>
              <Text fz="xs">{cell.getValue()}</Text>
              <Text fz={10} c="dimmed">
                {cell.row.original.code} · {t(`productTypes.${cell.row.original.type}`, { defaultValue: cell.row.original.type })}
              </Text>
            </>
          ),
        }),
        column.accessor('ftpRate', { header: t('catalogue.columns.ftpRate'), meta: { align: 'right', nowrap: true }, cell: (cell) => rate(cell.getValue()) }),
        column.accessor('clientRate', { header: t('catalogue.columns.clientRate'), meta: { align: 'right', nowrap: true }, cell: (cell) => rate(cell.getValue()) }),
        column.accessor('feeRate', { header: t('catalogue.columns.feeRate'), meta: { align: 'right', nowrap: true }, cell: (cell) => rate(cell.getValue()) }),
        column.accessor('probabilityOfDefault', {
          header: t('catalogue.columns.probabilityOfDefault'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => (isCreditProduct(cell.row.original.type) ? rate(cell.getValue()) : '—'),
        }),
        column.accessor('lossGivenDefault', {
          header: t('catalogue.columns.lossGivenDefault'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => (isCreditProduct(cell.row.original.type) ? rate(cell.getValue()) : '—'),
        }),
        column.accessor('lifetimeMonths', {
          header: t('catalogue.columns.lifetimeMonths'),
          meta: { align: 'right', nowrap: true },
          cell: (cell) => format.number(cell.getValue()),
        }),
        column.display({
          id: 'margin',
          header: t('catalogue.columns.margin'),
          meta: { nowrap: true },
          cell: (cell) => {
            const p = cell.row.original
            // Insurance, investments and remote banking earn fees, not a margin on balances.
            if (p.ftpRate == null && p.clientRate == null) return '—'
            return <ImpliedMarginText margin={impliedMargin({ type: p.type, ftpRate: p.ftpRate ?? null, clientRate: p.clientRate, probabilityOfDefault: p.probabilityOfDefault ?? null, lossGivenDefault: p.lossGivenDefault ?? null })} credit={isCreditProduct(p.type)} format={format} compact />
          },
        }),
        column.accessor('active', {
          header: t('catalogue.columns.active'),
          cell: (cell) => (
            <Badge variant="light" color={cell.getValue() ? 'teal' : 'gray'} tt="none">
              {cell.getValue() ? t('catalogue.offered') : t('catalogue.notOffered')}
            </Badge>
          ),
        }),
        column.accessor('updatedAt', {
          header: t('catalogue.columns.updated'),
          meta: { nowrap: true },
          cell: (cell) =>
            cell.getValue() ? (
              <>
                <Text fz="xs">{format.dayOf(cell.getValue())}</Text>
                <Text fz={10} c="dimmed">
                  {cell.row.original.updatedBy}
                </Text>
              </>
            ) : (
              '—'
            ),
        }),
        ...(canEdit
          ? [
              column.display({
                id: 'edit',
                header: '',
                meta: { align: 'right', width: 90 },
                cell: (cell) => (
                  <Button variant="subtle" size="compact-xs" onClick={() => setEditing(cell.row.original)} data-testid={`edit-${cell.row.original.code}`}>
                    {t('catalogue.edit')}
                  </Button>
                ),
              }),
            ]
          : []),
      ])
  }, [t, format, canEdit])
  return (
    <>
      <PageHeader title={t('nav.catalogue')} subtitle={t('catalogue.subtitle')} />
      <Stack gap="sm">
        <Paper withBorder p="sm">
          <Title order={2} mb="xs">
            {t('catalogue.title')}
          </Title>
          {!canEdit && (
            <Text fz="xs" c="dimmed" mb="xs" data-testid="catalogue-read-only">
              {t('catalogue.readOnly')}
            </Text>
          )}
          <DataTable
            testId="catalogue-table"
            columns={columns}
            rows={products.data?.items}
            getRowId={(row) => row.code}
            error={products.error}
            emptyTitle={t('catalogue.empty')}
            skeletonRows={8}
          />
        </Paper>
      </Stack>
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={<Title order={3}>{t('catalogue.editTitle')}</Title>} size="lg">
        {editing && <ProductTermsForm key={editing.code} product={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </>
  )
}
