import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { CLIENT_EXPORT_COLUMNS, formatExportText, type ClientExportColumn, type ExportLanguage } from '../../core/client-export-columns.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import type { ClientExportRow } from './client-export-row.ts'

/** Excel's sheet holds 1,048,576 rows, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575

const WIDTHS: Partial<Record<ClientExportColumn['key'], number>> = { fullName: 36, branchName: 28, email: 28, bankId: 18 }

/**
 * Streams clients as an XLSX workbook, row by row (the workbook is never held in memory whole):
 * real dates and numbers, a frozen header row, headers in the export's language. Text is escaped
 * as in the CSV (core/escape-formula.ts): a text cell is not run when opened, but it is when edited.
 */
export function writeClientsXlsx(batches: AsyncIterable<ClientExportRow[]>, lang: ExportLanguage): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const fill = async () => {
    const sheet = workbook.addWorksheet(lang === 'ru' ? 'Клиенты' : 'Clients', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = CLIENT_EXPORT_COLUMNS.map((c) => ({
      header: c[lang],
      key: c.key,
      width: WIDTHS[c.key] ?? 14,
      ...(c.kind === 'date' && { style: { numFmt: lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' } }),
      ...(c.kind === 'money' && { style: { numFmt: '#,##0.00' } }),
    }))
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(cells(row, lang)).commit()
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

function cells(row: ClientExportRow, lang: ExportLanguage): Record<string, string | number | Date | null> {
  const record: Record<string, string | number | Date | null> = {}
  for (const column of CLIENT_EXPORT_COLUMNS) {
    const value = row[column.key]
    if (value == null) record[column.key] = null
    else if (column.kind === 'date') record[column.key] = toDate(String(value))
    else if (column.kind === 'money' && typeof value === 'number') record[column.key] = value
    else record[column.key] = escapeFormula(formatExportText(column.kind, value, lang))
  }
  return record
}

// A masked date stays the masked text; a real one becomes an Excel date (no time zone shift).
function toDate(value: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : escapeFormula(value)
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
