import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { CsvFormatError, CsvParser, type CsvRecord } from '../../core/import/csv-parser.ts'
import { detectDelimiter } from '../../core/import/detect-delimiter.ts'
import { findDecodingProblem } from '../../core/import/find-decoding-problem.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import { isBlankRow, type ImportSource, type SourceRow } from './import-source.ts'
import { SourceDecoder } from './source-decoder.ts'

export type OpenCsvSourceInput = {
  path: string
  /** Forced encoding; guessed when absent (see SourceDecoder). */
  encoding?: string
  /** Forced delimiter; sniffed from the header line when absent. */
  delimiter?: string
}

const MAX_RECORD_CHARS = IMPORT_LIMITS.recordChars
const READ_BYTES = 256 * 1024

/** Opens a CSV file: decodes it, sniffs the delimiter, reads the header and streams the rows. */
export async function openCsvSource(input: OpenCsvSourceInput): Promise<ImportSource> {
  const bytesTotal = (await stat(input.path)).size
  const stream = createReadStream(input.path, { highWaterMark: READ_BYTES })
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const decoder = new SourceDecoder(input.encoding)
  let bytesRead = 0
  let ended = false

  const nextText = async (): Promise<string> => {
    const { value, done } = await chunks.next()
    if (done) {
      ended = true
      return decoder.end()
    }
    bytesRead += value.length
    return decoder.write(value)
  }

  try {
    let head = ''
    while (!ended && !/[\r\n]/.test(head.trimStart()) && head.length <= MAX_RECORD_CHARS) head += await nextText()
    if (head.trim() === '') {
      if (ended) throw new DomainError('import_failed', 'the file is empty', reason('import.empty_file'))
      const limit = MAX_RECORD_CHARS
      const message = `no header within the first ${limit.toLocaleString('en')} characters: the file starts with blank lines only`
      throw new DomainError('import_failed', message, reason('import.no_header', { line: 1, limit }))
    }
    const delimiter = input.delimiter ?? detectDelimiter(head.trimStart().split(/[\r\n]/, 1)[0])
    const parser = new CsvParser({ delimiter, maxRecordChars: MAX_RECORD_CHARS, maxFields: IMPORT_LIMITS.fields })
    let records: CsvRecord[] = []
    const feed = async (text: string) => {
      parser.push(text, records)
      if (ended) parser.end(records)
    }
    await feed(head)
    // Blank lines before the header are dropped as they come: a file of 200 MB of line breaks
    // must not pile up as records.
    let headerAt = records.findIndex((r) => !isBlankRow(r.cells))
    while (headerAt < 0 && !ended) {
      records = []
      await feed(await nextText())
      headerAt = records.findIndex((r) => !isBlankRow(r.cells))
    }
    if (headerAt < 0) throw new DomainError('import_failed', 'the file is empty', reason('import.empty_file'))
    const headers = records[headerAt].cells.map((cell) => cell.trim())
    records = records.slice(headerAt + 1)

    async function* batches(): AsyncGenerator<SourceRow[]> {
      try {
        for (;;) {
          const rows = sourceRows(records)
          records = []
          if (rows.length > 0) yield rows
          if (ended) return
          await feed(await nextText())
        }
      } catch (error) {
        throw asImportError(error)
      } finally {
        stream.destroy()
      }
    }

    const sourceRows = (parsed: CsvRecord[]): SourceRow[] => {
      const rows: SourceRow[] = []
      for (const { line, cells, problem: parsing } of parsed) {
        if (isBlankRow(cells)) continue
        // Bytes that do not decode come first: they may be what misplaced a quote.
        const problem = findDecodingProblem({ cells, encoding: decoder.encoding, invalidBytes: decoder.invalidBytes }) ?? parsing
        rows.push(problem ? { line, cells, problem } : { line, cells })
      }
      return rows
    }

    return {
      format: 'csv',
      headers,
      encoding: () => decoder.encoding,
      delimiter,
      batches,
      invalidBytes: () => decoder.invalidBytes,
      bytesRead: () => bytesRead,
      bytesTotal,
      close: () => stream.destroy(),
    }
  } catch (error) {
    stream.destroy()
    throw asImportError(error)
  }
}

function asImportError(error: unknown): unknown {
  if (!(error instanceof CsvFormatError)) return error
  const limit = error.limit === undefined ? {} : { limit: error.limit }
  return new DomainError('import_failed', error.message, { code: error.code, line: error.line, ...limit })
}
