import { createReadStream } from 'node:fs'
import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { IMPORT_LIMITS, type ImportLimits } from '../../core/import/import-limits.ts'
import { WorksheetRowScanner } from '../../core/import/worksheet-row-scanner.ts'
// The zip reader exceljs itself streams the workbook with: the check sees exactly the parts, and
// inflates exactly the bytes, that the reader will.
import { unzipper, WORKSHEET_PART as WORKSHEET } from './first-sheet-reader.ts'

/** Parts exceljs reads whole into memory (with styles: 'cache'); every other part is streamed or skipped. */
const WHOLE_PARTS = new Set(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'])
const SHARED_STRINGS = 'xl/sharedStrings.xml'

/**
 * Inflates a workbook once before exceljs reads it, counting bytes as they come out, and refuses
 * it (DomainError import_failed, details.code import.*) as soon as it crosses a limit: a bomb of
 * a few megabytes that would inflate to gigabytes of shared strings, temporary files or one
 * endless row is stopped after reading no more than the limit. Sizes the zip declares are not
 * trusted: they can lie.
 */
export async function checkXlsxLimits(path: string, limits: ImportLimits = IMPORT_LIMITS): Promise<void> {
  const file = createReadStream(path)
  const zip = unzipper.Parse({ forceStream: true })
  // An inflate or zip error is emitted on the zip while an entry is being read: race it.
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject)
    file.on('error', reject)
  })
  failed.catch(() => undefined)
  file.pipe(zip)
  let total = 0
  let parts = 0
  let firstSheetSeen = false
  try {
    const entries = zip[Symbol.asyncIterator]()
    for (let next = await race(entries.next(), failed); !next.done; next = await race(entries.next(), failed)) {
      const entry = next.value
      if (++parts > limits.xlsxParts) refuse(reason('import.too_many_parts', { limit: limits.xlsxParts }), `more than ${limits.xlsxParts.toLocaleString('en')} parts`)
      const part = partCheck({ path: entry.path, firstSheet: !firstSheetSeen, limits })
      if (WORKSHEET.test(entry.path)) firstSheetSeen = true
      let bytes = 0
      const chunks = entry[Symbol.asyncIterator]() as AsyncIterator<Buffer>
      for (let c = await race(chunks.next(), failed); !c.done; c = await race(chunks.next(), failed)) {
        const chunk = c.value
        bytes += chunk.length
        total += chunk.length
        if (total > limits.xlsxExpandedBytes) refuse(reason('import.xlsx_too_large', { limit: limits.xlsxExpandedBytes }), `it inflates to more than ${megabytes(limits.xlsxExpandedBytes)}`)
        part.push(chunk, bytes)
      }
      part.end()
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError('import_failed', `the workbook cannot be read: ${(error as Error).message}`, reason('import.unreadable_workbook', { detail: (error as Error).message }))
  } finally {
    file.destroy()
    zip.destroy()
  }
}

type PartCheck = { push(chunk: Buffer, bytes: number): void; end(): void }

function partCheck({ path, firstSheet, limits }: { path: string; firstSheet: boolean; limits: ImportLimits }): PartCheck {
  if (path === SHARED_STRINGS) return sharedStringsCheck(limits)
  if (WHOLE_PARTS.has(path)) return wholePartCheck(path, limits)
  // Only the first worksheet in the zip is read (first-sheet-reader.ts); the others are skipped.
  if (firstSheet && WORKSHEET.test(path)) {
    const rows = new WorksheetRowScanner({ maxCells: limits.fields, maxRowBytes: limits.xlsxRowBytes })
    return { push: (chunk) => rows.push(chunk), end: () => rows.end() }
  }
  return { push: () => undefined, end: () => undefined }
}

/** A part exceljs parses into objects all at once: its bytes, and its elements (`<` and a letter). */
function wholePartCheck(path: string, limits: ImportLimits): PartCheck {
  let elements = 0
  let cutAfterLt = false // the previous chunk ended on '<'
  const startsElement = (byte: number | undefined) => byte !== undefined && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a
  return {
    push(chunk, bytes) {
      if (bytes > limits.xlsxPartBytes) {
        refuse(reason('import.xlsx_part_too_large', { part: path, limit: limits.xlsxPartBytes }), `its part ${path} inflates to more than ${megabytes(limits.xlsxPartBytes)}`)
      }
      if (cutAfterLt && startsElement(chunk[0])) elements++
      for (let i = chunk.indexOf(0x3c); i >= 0; i = chunk.indexOf(0x3c, i + 1)) if (startsElement(chunk[i + 1])) elements++
      cutAfterLt = chunk[chunk.length - 1] === 0x3c
      if (elements > limits.xlsxPartElements) {
        refuse(reason('import.xlsx_part_too_complex', { part: path, limit: limits.xlsxPartElements }), `its part ${path} holds more than ${limits.xlsxPartElements.toLocaleString('en')} elements`)
      }
    },
    end: () => undefined,
  }
}

/** Counts <si> elements (one per shared string) across chunk boundaries, and the part's bytes. */
function sharedStringsCheck(limits: ImportLimits): PartCheck {
  let count = 0
  let tail = Buffer.alloc(0)
  return {
    push(chunk, bytes) {
      if (bytes > limits.sharedStringsBytes) {
        refuse(reason('import.shared_strings_too_large', { limit: limits.sharedStringsBytes }), `its shared strings take more than ${megabytes(limits.sharedStringsBytes)}`)
      }
      const text = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
      for (let i = text.indexOf('<si'); i >= 0 && i + 3 < text.length; i = text.indexOf('<si', i + 3)) {
        const after = text[i + 3]
        if (after === 0x3e || after === 0x2f || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d) count++
      }
      tail = Buffer.from(text.subarray(Math.max(0, text.length - 3)))
      if (count > limits.sharedStrings) {
        refuse(reason('import.too_many_shared_strings', { limit: limits.sharedStrings }), `more than ${limits.sharedStrings.toLocaleString('en')} shared strings`)
      }
    },
    end: () => undefined,
  }
}

function refuse(details: AnyReason, what: string): never {
  throw new DomainError('import_failed', `the workbook cannot be imported: ${what}; save the sheet as CSV`, details)
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toLocaleString('en')} MB`
}

function race<T>(next: Promise<T>, failed: Promise<never>): Promise<T> {
  return Promise.race([next, failed])
}
