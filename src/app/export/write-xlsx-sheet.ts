import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'

/** Excel's sheet holds 1,048,576 rows, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575

export type XlsxCell = string | number | Date | null
export type XlsxColumn = { key: string; header: string; width: number; numFmt?: string }
export type XlsxSheetInput = { sheetName: string; columns: readonly XlsxColumn[]; batches: AsyncIterable<Record<string, XlsxCell>[]> }

/**
 * Streams one sheet of rows as an XLSX workbook, row by row (the workbook is never held in memory
 * whole), with a frozen header row. The caller gives cells ready to write: text already escaped
 * (core/escape-formula.ts), dates and numbers as themselves.
 */
export function writeXlsxSheet(input: XlsxSheetInput): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const fill = async () => {
    const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = input.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt && { style: { numFmt: c.numFmt } }) }))
    for await (const batch of input.batches) {
      for (const row of batch) sheet.addRow(row).commit()
      // Wait for a slow download rather than pile the workbook up in memory; stop if it was dropped.
      if (out.writableNeedDrain) await drainedOrClosed(out)
      if (out.destroyed) return
    }
    sheet.commit()
    await workbook.commit()
  }
  fill().catch((error: unknown) => out.destroy(error as Error))
  return out
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.once('drain', done)
    stream.once('close', done)
  })
}
