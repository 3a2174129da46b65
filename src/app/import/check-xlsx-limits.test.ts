import { afterAll, describe, expect, it } from 'vitest'
import { bigPartWorkbook, longRowWorkbook, sharedStringsBomb, wideRowWorkbook } from '../../../test/hostile-import-files.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import { checkXlsxLimits } from './check-xlsx-limits.ts'
import { openImportSource } from './open-import-source.ts'

const files = makeTempDir()
afterAll(() => files.remove())
const L = IMPORT_LIMITS

async function refusal(path: string, limits = L): Promise<unknown> {
  return checkXlsxLimits(path, limits).then(() => 'accepted', (error: unknown) => error)
}

describe('checkXlsxLimits', () => {
  it('passes a workbook just within the limits, which then reads', async () => {
    const path = `${files.dir}/within.xlsx`
    await sharedStringsBomb(path, { count: 1000, text: 'Иванов' })
    expect(await refusal(path)).toBe('accepted')
    const source = await openImportSource({ path })
    const rows = []
    for await (const batch of source.batches()) rows.push(...batch)
    expect(source.headers).toEqual(['bank_id', 'full_name'])
    expect(rows).toEqual([{ line: 2, cells: ['Иванов', 'Иванов'] }])
  })

  it.each([
    ['more shared strings than the limit', (p: string) => sharedStringsBomb(p, { count: L.sharedStrings + 1 }), 'import.too_many_shared_strings', L.sharedStrings],
    // The zip says 100 bytes: sizes are counted as inflated, never taken from the headers.
    ['shared strings that inflate past the limit, while the zip claims 100 bytes', (p: string) => sharedStringsBomb(p, { count: 1_400_000, text: 'x'.repeat(100), declaredSize: 100 }), 'import.shared_strings_too_large', L.sharedStringsBytes],
    ['a styles part past the limit', (p: string) => bigPartWorkbook(p, { name: 'xl/styles.xml', bytes: L.xlsxPartBytes + 1 }), 'import.xlsx_part_too_large', L.xlsxPartBytes],
    ['a styles part of more elements than the limit', (p: string) => bigPartWorkbook(p, { name: 'xl/styles.xml', bytes: 0, piece: '<xf/>', times: L.xlsxPartElements + 1 }), 'import.xlsx_part_too_complex', L.xlsxPartElements],
    ['a row of more cells than the limit', (p: string) => wideRowWorkbook(p, L.fields + 1), 'import.too_many_cells', L.fields],
    ['a row whose XML is longer than the limit', (p: string) => longRowWorkbook(p, L.xlsxRowBytes + 1), 'import.row_xml_too_long', L.xlsxRowBytes],
  ])('refuses a workbook of %s, naming the limit', async (name, write, code, limit) => {
    const path = `${files.dir}/${code}.xlsx`
    await write(path)
    const error = await refusal(path)
    expect(error).toMatchObject({ code: 'import_failed', details: { code, limit } })
    // The reader refuses it too, before exceljs caches anything.
    await expect(openImportSource({ path })).rejects.toMatchObject({ details: { code, limit } })
  })

  it('refuses a workbook that inflates past the total, counting every part', async () => {
    const path = `${files.dir}/total.xlsx`
    await bigPartWorkbook(path, { name: 'docProps/padding.bin', bytes: 3 * 1024 * 1024 })
    expect(await refusal(path, { ...L, xlsxExpandedBytes: 2 * 1024 * 1024 })).toMatchObject({ details: { code: 'import.xlsx_too_large', limit: 2 * 1024 * 1024 } })
    expect(await refusal(path)).toBe('accepted')
  })

  it('names the row of a refused row', async () => {
    const path = `${files.dir}/wide-line.xlsx`
    await wideRowWorkbook(path, L.fields + 5)
    expect(await refusal(path)).toMatchObject({ message: expect.stringContaining('line 3: a row of more than 1,000 cells'), details: { line: 3 } })
  })
})
