import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import { CLIENT_EXPORT_COLUMNS, formatExportText, type ExportLanguage } from '../../core/client-export-columns.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import type { ClientExportRow } from './client-export-row.ts'

/**
 * Streams clients as CSV that Excel opens cleanly: UTF-8 with a byte-order mark, `;` and comma
 * decimals for Russian, `,` for English. Cells that Excel would run as formulas are escaped
 * (core/escape-formula.ts).
 * One chunk per batch of rows: a chunk per row would cost a socket write per client.
 */
export function writeClientsCsv(batches: AsyncIterable<ClientExportRow[]>, lang: ExportLanguage): Readable {
  return Readable.from(csvChunks(batches, lang), { objectMode: false })
}

async function* csvChunks(batches: AsyncIterable<ClientExportRow[]>, lang: ExportLanguage): AsyncGenerator<string> {
  const options = { delimiter: lang === 'ru' ? ';' : ',', record_delimiter: 'windows' } as const
  yield `\ufeff${stringify([CLIENT_EXPORT_COLUMNS.map((c) => escapeFormula(c[lang]))], options)}`
  for await (const batch of batches) {
    yield stringify(
      batch.map((row) => CLIENT_EXPORT_COLUMNS.map((column) => escapeFormula(formatExportText(column.kind, row[column.key], lang)))),
      options,
    )
  }
}
