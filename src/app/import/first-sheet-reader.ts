import { createReadStream, type ReadStream } from 'node:fs'
import { createRequire } from 'node:module'
import type { Readable } from 'node:stream'
import ExcelJS from 'exceljs'

type ZipEntry = Readable & { path: string; autodrain(): unknown }
type SheetEvent = { eventType: string; value: unknown }
/** The parts of exceljs 4.4's WorkbookReader (pinned in package.json) that parse() below calls. */
type ReaderInternals = {
  sharedStrings?: unknown[]
  workbookRels?: unknown
  _parseRels(entry: ZipEntry): Promise<void>
  _parseWorkbook(entry: ZipEntry): Promise<void>
  _parseSharedStrings(entry: ZipEntry): AsyncGenerator<SheetEvent>
  _parseStyles(entry: ZipEntry): Promise<void>
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<SheetEvent>
}

/** The zip reader exceljs itself uses, from exceljs' own folder. */
export const unzipper = createRequire(createRequire(import.meta.url).resolve('exceljs'))('unzipper') as {
  Parse(options: { forceStream: true }): NodeJS.WritableStream & AsyncIterable<ZipEntry> & { destroy(): void }
}

/** A worksheet's part, matched as exceljs matches it (not anchored). */
export const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/

/**
 * exceljs' streaming WorkbookReader for the first worksheet only (the first in the zip) — without
 * its temporary files. exceljs copies every worksheet that comes before the shared strings (as
 * Excel writes them) to a temporary file, and deletes it only once the caller has iterated past
 * it: a reader that stops after the first sheet left every sheet of every workbook imported in
 * the temporary folder. Here such a sheet is skipped, and the zip read a second time up to it
 * once the shared strings, relationships and styles are known.
 */
export class FirstSheetReader extends ExcelJS.stream.xlsx.WorkbookReader {
  private readonly path: string
  private readonly files = new Set<ReadStream>()
  private passBytes = 0

  constructor(path: string) {
    super(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // dates are told from numbers by their cell style
      hyperlinks: 'ignore',
      entries: 'ignore',
    })
    this.path = path
  }

  /** Bytes of the file read by the pass that reads the sheet. */
  get bytesRead(): number {
    return this.passBytes
  }

  close(): void {
    for (const file of this.files) file.destroy()
  }

  override async *parse(): AsyncGenerator<SheetEvent> {
    const reader = this as unknown as ReaderInternals
    let deferred: { path: string; sheetNo: string } | undefined
    for await (const entry of this.entries()) {
      const sheetNo = WORKSHEET_PART.exec(entry.path)?.[1]
      if (entry.path === 'xl/_rels/workbook.xml.rels') await reader._parseRels(entry)
      else if (entry.path === 'xl/workbook.xml') await reader._parseWorkbook(entry)
      else if (entry.path === 'xl/sharedStrings.xml') yield* reader._parseSharedStrings(entry)
      else if (entry.path === 'xl/styles.xml') await reader._parseStyles(entry)
      else if (sheetNo !== undefined && !deferred) {
        if (reader.sharedStrings && reader.workbookRels) {
          yield* reader._parseWorksheet(entry, sheetNo)
          return
        }
        deferred = { path: entry.path, sheetNo }
      }
      entry.autodrain()
    }
    if (!deferred) return
    for await (const entry of this.entries()) {
      if (entry.path === deferred.path) {
        yield* reader._parseWorksheet(entry, deferred.sheetNo)
        return
      }
      entry.autodrain()
    }
  }

  private entries(): AsyncIterable<ZipEntry> {
    const file = createReadStream(this.path)
    this.files.add(file)
    this.passBytes = 0
    file.on('data', (chunk) => (this.passBytes += chunk.length))
    const zip = unzipper.Parse({ forceStream: true })
    file.pipe(zip)
    return zip
  }
}
