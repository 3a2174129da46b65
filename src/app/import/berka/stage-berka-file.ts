import { reason } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../../core/domain-error.ts'
import type { BerkaFileSpec } from '../../../core/import/berka/berka-files.ts'
import type { Database } from '../../../db/open-database.ts'
import { cellsJson, copyRejections, type NewRejection } from '../../../db/stores/import-store.ts'
import { stageLine } from '../import-stage-columns.ts'
import { openCsvSource } from '../open-csv-source.ts'

export type StageBerkaFileInput = { importId: number; path: string; spec: BerkaFileSpec; stage: string }

const CHUNK_ROWS = 10_000

/** Streams one Berka file into its staging table, rejecting rows that fail their own checks. */
export async function stageBerkaFile(
  db: Database,
  { importId, path, spec, stage }: StageBerkaFileInput,
): Promise<{ headers: string[]; rowsRead: number; rejected: number; bytes: number }> {
  const source = await openCsvSource({ path, delimiter: ';' })
  try {
    const index = new Map(source.headers.map((h, i) => [h, i]))
    const missing = spec.headers.filter((h) => !index.has(h))
    if (missing.length > 0) throw new DomainError('import_failed', `${spec.file}: missing required columns: ${missing.join(', ')}`, reason('import.berka_missing_columns', { file: spec.file, columns: missing.join(', ') }))
    const columns = ['line', 'cells', ...spec.columns.map((c) => c.name)]
    const seen = new Map<number, number>()
    let rowsRead = 0
    let rejectedCount = 0
    let text = ''
    let rejected: NewRejection[] = []
    let pending = 0
    const flush = async () => {
      if (text) await db.copyIn({ table: stage, columns, chunks: [text] })
      await copyRejections(db, importId, rejected)
      rejectedCount += rejected.length
      text = ''
      rejected = []
      pending = 0
    }
    for await (const batch of source.batches()) {
      for (const { line, cells } of batch) {
        rowsRead++
        pending++
        const reason = cells.length < source.headers.length
          ? `the row has ${cells.length} cells, the header has ${source.headers.length}`
          : undefined
        const row = reason ? { reason } : spec.parse((header) => cells[index.get(header)!] ?? '')
        if ('reason' in row) {
          rejected.push({ file: spec.file, line, reason: row.reason, cells })
          continue
        }
        const rowId = row.values[0] as number
        const first = seen.get(rowId)
        if (first !== undefined) {
          rejected.push({ file: spec.file, line, reason: `duplicate: ${spec.columns[0].name} ${rowId} already appears on line ${first}`, cells })
          continue
        }
        seen.set(rowId, line)
        text += stageLine([line, csvQuoted(cellsJson(cells))], row.values.map((v) => (v === null || v === undefined ? null : String(v))))
      }
      if (pending >= CHUNK_ROWS) await flush()
    }
    await flush()
    return { headers: source.headers, rowsRead, rejected: rejectedCount, bytes: source.bytesRead() }
  } finally {
    source.close()
  }
}

function csvQuoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}
