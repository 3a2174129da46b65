import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures, type RowData } from '@tanstack/react-table'

export type DataColumnMeta = {
  /** Numbers and money are right-aligned so that digits line up. */
  align?: 'left' | 'right' | 'center'
  width?: number | string
  /** Keep the cell on one line (dates, amounts, ids). */
  nowrap?: boolean
}

// Every table of the UI sorts on the server (manualSorting) and pages on the server (TablePager),
// so the only feature the table itself needs is the sorting state.
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
})
export type DataTableFeatures = typeof dataTableFeatures

export function dataColumnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>()
}
