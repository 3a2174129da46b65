import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { CLIENT_EXPORT_COLUMNS, formatExportText, type ExportLanguage } from '../../core/client-export-columns.ts'
import type { ClientListItem } from '../../db/stores/client-store.ts'

/**
 * Streams clients as CSV that Excel opens cleanly: UTF-8 with a byte-order mark, `;` and comma
 * decimals for Russian, `,` for English. Cells that Excel would run as formulas are escaped.
 */
export function writeClientsCsv(rows: AsyncIterable<ClientListItem>, lang: ExportLanguage): Readable {
  const stringifier = stringify({
    bom: true,
    delimiter: lang === 'ru' ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: true,
    header: true,
    columns: CLIENT_EXPORT_COLUMNS.map((c) => ({ key: c.key, header: c[lang] })),
  })
  const source = Readable.from(textRecords(rows, lang))
  source.on('error', (error) => stringifier.destroy(error))
  return source.pipe(stringifier)
}

async function* textRecords(rows: AsyncIterable<ClientListItem>, lang: ExportLanguage): AsyncGenerator<Record<string, string>> {
  for await (const row of rows) {
    const record: Record<string, string> = {}
    for (const column of CLIENT_EXPORT_COLUMNS) record[column.key] = formatExportText(column.kind, row[column.key], lang)
    yield record
  }
}
