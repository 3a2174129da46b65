import { createWriteStream, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { semicolons, wideCsv } from '../../../test/hostile-import-files.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import type { SourceRow } from './import-source.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import { openImportSource } from './open-import-source.ts'

const MAX_RECORD_CHARS = IMPORT_LIMITS.recordChars
const files = makeTempDir()
afterAll(() => files.remove())

async function readAll(path: string, encoding?: string) {
  const source = await openImportSource({ path, encoding })
  const rows: SourceRow[] = []
  for await (const batch of source.batches()) rows.push(...batch)
  return { source, rows }
}

describe('openImportSource', () => {
  it('tells UTF-8 from Windows-1251 even when the first non-ASCII byte comes late', async () => {
    const ascii = 'bank_id;full_name\n' + Array.from({ length: 30_000 }, (_, i) => `A${i};Ivanov\n`).join('')
    const late = `${ascii}Z1;Иванов Иван\n`
    const utf8 = await readAll(files.write('late-utf8.csv', late))
    const cp1251 = await readAll(files.write('late-1251.csv', iconv.encode(late, 'win1251')))
    expect(utf8.source.encoding()).toBe('utf-8')
    expect(cp1251.source.encoding()).toBe('windows-1251')
    expect(cp1251.rows.at(-1)).toEqual({ line: 30_002, cells: ['Z1', 'Иванов Иван'] })
    expect(utf8.rows.at(-1)).toEqual(cp1251.rows.at(-1))
    expect(utf8.source.invalidBytes()).toBe(false)
  })

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text") and takes a forced encoding', async () => {
    const utf16 = await readAll(files.write('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('bank_id\tФИО\r\nU1\tЁлкина\r\n', 'utf16le')])))
    expect(utf16.source).toMatchObject({ delimiter: '\t', headers: ['bank_id', 'ФИО'] })
    expect(utf16.rows).toEqual([{ line: 2, cells: ['U1', 'Ёлкина'] }])
    const koi = await readAll(files.write('koi.csv', iconv.encode('a;b\n1;Привет\n', 'koi8-r')), 'koi8-r')
    expect(koi.rows[0].cells).toEqual(['1', 'Привет'])
  })

  it('flags bytes that are not valid in the detected encoding', async () => {
    const padding = Array.from({ length: 40_000 }, (_, i) => `${i};Ivanov\n`).join('') // past the first read
    const mixed = Buffer.concat([Buffer.from(`a;b\n1;Иванов\n${padding}`), iconv.encode('2;Петров\n', 'win1251')])
    const { source, rows } = await readAll(files.write('mixed.csv', mixed))
    expect(source.encoding()).toBe('utf-8')
    expect(source.invalidBytes()).toBe(true)
    expect(rows.at(-1)?.cells[1]).toContain('\ufffd')
    expect(rows[0].cells[1]).toBe('Иванов')
  })

  it('skips blank rows but keeps the file line numbers, and reads a header-only file as no rows', async () => {
    const { rows } = await readAll(files.write('blanks.csv', 'a,b\n\n1,2\n,\n3,4'))
    expect(rows).toEqual([{ line: 3, cells: ['1', '2'] }, { line: 5, cells: ['3', '4'] }])
    expect((await readAll(files.write('header.csv', 'a,b'))).rows).toEqual([])
  })

  it('refuses a file of one huge line after reading about a megabyte of it', async () => {
    const path = `${files.dir}/one-line.csv`
    const out = createWriteStream(path)
    const block = 'x'.repeat(1024 * 1024)
    for (let i = 0; i < 64; i++) if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    await new Promise<void>((resolve) => out.end(() => resolve()))
    const before = process.memoryUsage().rss
    await expect(openImportSource({ path })).rejects.toThrow(`line 1: a record longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters`)
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
  })

  it('refuses a huge line in the middle of a file, naming its line', async () => {
    const text = `a;b\n1;2\n3;${'y'.repeat(MAX_RECORD_CHARS + 10)}\n5;6\n`
    await expect(readAll(files.write('mid.csv', text))).rejects.toThrow(/^line 3: a record longer than/)
  })

  it('refuses a file of ";" alone after about a thousand of them, with the line and the limit', async () => {
    const path = `${files.dir}/semicolons.csv`
    const out = createWriteStream(path)
    for (const block of semicolons(50 * 1024 * 1024)) if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    await new Promise<void>((resolve) => out.end(() => resolve()))
    const before = process.memoryUsage().rss
    const error = await openImportSource({ path }).catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({
      code: 'import_failed',
      message: expect.stringMatching(/^line 1: a record of more than 1,000 fields/),
      details: { code: 'import.too_many_fields', line: 1, limit: IMPORT_LIMITS.fields },
    })
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
  })

  it('refuses a record of too many fields in the middle of a file, naming its line', async () => {
    const within = await readAll(files.write('wide-ok.csv', wideCsv(IMPORT_LIMITS.fields)))
    expect(within.rows.map((r) => r.cells.length)).toEqual([2, IMPORT_LIMITS.fields, 2])
    await expect(readAll(files.write('wide.csv', wideCsv(IMPORT_LIMITS.fields + 1)))).rejects.toMatchObject({
      message: expect.stringMatching(/^line 3: a record of more than 1,000 fields/),
      details: { code: 'import.too_many_fields', line: 3, limit: IMPORT_LIMITS.fields },
    })
  })

  it('reads blank lines without piling them up, and refuses a file that starts with megabytes of them', async () => {
    const lines = 1024 * 1024
    const blanks = await readAll(files.write('blank-rows.csv', `${';\n'.repeat(lines)}a;b\n${';\n'.repeat(lines)}1;2\n`))
    expect(blanks.source.headers).toEqual(['a', 'b'])
    expect(blanks.rows).toEqual([{ line: 2 * lines + 2, cells: ['1', '2'] }])
    await expect(openImportSource({ path: files.write('blank-start.csv', '\r\n'.repeat(2 * 1024 * 1024)) })).rejects.toMatchObject({
      details: { code: 'import.no_header', limit: IMPORT_LIMITS.recordChars },
    })
  })

  it('streams the first sheet of an XLSX workbook with dates, numbers and rich text as text', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Клиенты')
    sheet.addRow(['ИД клиента', 'ФИО', 'Дата рождения', 'Доход', 'Телефон'])
    sheet.addRow(['X1', { richText: [{ text: 'Иванов ' }, { text: 'Иван', font: { bold: true } }] }, new Date(Date.UTC(1980, 1, 1)), 1234.5, 79123456789])
    sheet.addRow([])
    sheet.addRow(['X2', 'Петрова', '31.12.1975', { formula: '1+1', result: 2 }, null])
    workbook.addWorksheet('Other').addRow(['ignored'])
    const path = `${files.dir}/clients.xlsx`
    await workbook.xlsx.writeFile(path)
    const { source, rows } = await readAll(path)
    expect(source).toMatchObject({ format: 'xlsx', headers: ['ИД клиента', 'ФИО', 'Дата рождения', 'Доход', 'Телефон'] })
    expect(rows).toEqual([
      { line: 2, cells: ['X1', 'Иванов Иван', '1980-02-01', '1234.5', '79123456789'] },
      { line: 4, cells: ['X2', 'Петрова', '31.12.1975', '2'] },
    ])
    expect(source.bytesRead()).toBe(source.bytesTotal)
  })

  it('leaves no temporary file behind, though the sheets come before the shared strings (as Excel writes them)', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Клиенты').addRows([['bank_id', 'full_name'], ['T1', 'Тимофеев']])
    workbook.addWorksheet('Справочник').addRows([['other'], ['sheet']])
    const path = `${files.dir}/two-sheets.xlsx`
    await workbook.xlsx.writeFile(path)
    const spooled = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`))
    const before = spooled()
    for (const stopEarly of [false, true]) {
      const source = await openImportSource({ path })
      if (!stopEarly) expect((await readAll(path)).rows).toEqual([{ line: 2, cells: ['T1', 'Тимофеев'] }])
      source.close()
    }
    expect(spooled()).toEqual(before)
  })

  it('refuses a zip that is not a workbook', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 100 }, () => 7)])
    await expect(readAll(files.write('fake.xlsx', zip))).rejects.toThrow(/workbook/)
  })
})
