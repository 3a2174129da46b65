import type { Readable } from 'node:stream'
import { CLIENT_EXPORT_COLUMNS, formatExportText, type ClientExportColumn, type ExportLanguage } from '../../core/client-export-columns.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { writeXlsxSheet, type XlsxCell } from '../export/write-xlsx-sheet.ts'
import type { ClientExportRow } from './client-export-row.ts'

const WIDTHS: Partial<Record<ClientExportColumn['key'], number>> = { fullName: 36, branchName: 28, email: 28, bankId: 18 }

/**
 * Streams clients as an XLSX workbook (export/write-xlsx-sheet.ts): real dates and numbers,
 * headers in the export's language. Text is escaped as in the CSV (core/escape-formula.ts): a text
 * cell is not run when opened, but it is when edited.
 */
export function writeClientsXlsx(batches: AsyncIterable<ClientExportRow[]>, lang: ExportLanguage): Readable {
  const columns = CLIENT_EXPORT_COLUMNS.map((c) => ({
    header: c[lang],
    key: c.key,
    width: WIDTHS[c.key] ?? 14,
    ...(c.kind === 'date' && { numFmt: lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' }),
    ...(c.kind === 'money' && { numFmt: '#,##0.00' }),
  }))
  return writeXlsxSheet({ sheetName: lang === 'ru' ? 'Клиенты' : 'Clients', columns, batches: rowsOf(batches, lang) })
}

async function* rowsOf(batches: AsyncIterable<ClientExportRow[]>, lang: ExportLanguage): AsyncGenerator<Record<string, XlsxCell>[]> {
  for await (const batch of batches) yield batch.map((row) => cells(row, lang))
}

function cells(row: ClientExportRow, lang: ExportLanguage): Record<string, XlsxCell> {
  const record: Record<string, XlsxCell> = {}
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
