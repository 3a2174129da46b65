import { stringify } from 'csv-stringify/sync'
import { describeReasons } from '../../contract/format-reason.ts'
import type { Language } from '../../contract/language.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { mayDownloadRejections } from '../../contract/import-kind-roles.ts'
import { rejectedRowMasker } from '../../core/import/mask-rejected-row.ts'
import type { Role } from '../../contract/roles.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import type { Database } from '../../db/open-database.ts'
import { findImport, listRejections } from '../../db/stores/import-store.ts'

const PAGE = 5000
// The columns after the file's own, which the import ignores (no field has these headers).
const REJECTION_COLUMNS: Record<Language, readonly [string, string]> = { ru: ['строка', 'причина'], en: ['line', 'reason'] }

export type RejectionsCsv = { fileName: string; rowCount: number; body: AsyncIterable<string> }

/**
 * The rejected rows of an import as a CSV the user can fix and import again: the file's own
 * columns as read, then `line` and `reason` (which the import ignores). UTF-8 with a byte-order
 * mark so that Excel opens Cyrillic correctly, with the original file's delimiter. Personal data
 * is masked for the reader's role; a cell Excel would run as a formula is escaped
 * (core/escape-formula.ts). The `line` and `reason` columns are in the reader's language.
 */
export async function writeRejectionsCsv(db: Database, input: { importId: number; file?: string; reader: { role: Role }; lang: Language }): Promise<RejectionsCsv> {
  const record = await findImport(db.kysely, input.importId)
  if (!record) throw new DomainError('not_found', `No import ${input.importId}`, reason('import.not_found', { id: input.importId }))
  if (!mayDownloadRejections(input.reader.role, record.kind)) {
    throw new DomainError('forbidden', `The role ${input.reader.role} may not read imports of ${record.kind}`, reason('import.read_forbidden', { role: input.reader.role, kind: record.kind }))
  }
  const file = input.file ?? Object.keys(record.files)[0] ?? record.fileName
  const details = record.files[file]
  if (input.file !== undefined && !details) throw new DomainError('not_found', `Import ${input.importId} read no file "${input.file}"`, reason('import.no_such_file', { id: input.importId, file: input.file }))
  const headers = details?.headers ?? []
  const delimiter = record.delimiter ?? ','
  const line = (cells: readonly (string | number)[]) =>
    stringify([cells.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell))], { delimiter, record_delimiter: 'windows' })
  const width = headers.length
  const mask = rejectedRowMasker({ role: input.reader.role, kind: record.kind, headers })

  async function* body(): AsyncGenerator<string> {
    yield `\ufeff${line([...headers, ...REJECTION_COLUMNS[input.lang]])}`
    let afterId = 0
    for (;;) {
      const page = await listRejections(db.kysely, { importId: input.importId, afterId, limit: PAGE, file })
      if (page.length === 0) return
      // A row shorter than the header is padded so that line and reason stay in their columns.
      yield page
        .map((r) => {
          const { cells, reason, reasons } = mask(r)
          return line([...cells, ...Array(Math.max(0, width - cells.length)).fill(''), r.line, describeReasons(reasons, input.lang, reason)])
        })
        .join('')
      afterId = page[page.length - 1].id
    }
  }
  const base = file.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_')
  return { fileName: `${base}-rejected-${input.importId}.csv`, rowCount: record.rejected, body: body() }
}
