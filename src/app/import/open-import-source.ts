import { open } from 'node:fs/promises'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { ImportSource } from './import-source.ts'
import { openCsvSource } from './open-csv-source.ts'

export type OpenImportSourceInput = { path: string; encoding?: string; delimiter?: string }

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]

/** Opens a CSV or XLSX file, told apart by its first bytes rather than its name. */
export async function openImportSource(input: OpenImportSourceInput): Promise<ImportSource> {
  const magic = await readMagic(input.path)
  // exceljs is loaded only for a workbook: it is heavy, and most imports are CSV.
  if (startsWith(magic, ZIP)) return (await import('./open-xlsx-source.ts')).openXlsxSource(input.path)
  if (startsWith(magic, OLE2)) {
    throw new DomainError('import_failed', 'the file is an old Excel .xls workbook: save it as .xlsx or CSV', reason('import.xls_workbook'))
  }
  return openCsvSource(input)
}

async function readMagic(path: string): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'unreadable'
    throw new DomainError('import_failed', `cannot read the file: ${why}`, reason('import.unreadable_file', { detail: why }))
  }
  try {
    const buffer = Buffer.alloc(4)
    const { bytesRead } = await handle.read(buffer, 0, 4, 0)
    return buffer.subarray(0, bytesRead)
  } catch {
    throw new DomainError('import_failed', 'cannot read the file', reason('import.unreadable_file', { detail: '' }))
  } finally {
    await handle.close()
  }
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}
