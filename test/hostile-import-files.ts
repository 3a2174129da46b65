import { writeZip, type ZipPart } from './write-zip.ts'

// Files built to cross the import limits (core/import/import-limits.ts) while staying small on
// disk, as an attacker's would: the smaller cousins of a 200 MB CSV of ';' and of a 6.5 MB
// workbook whose shared strings inflate to 2.7 GB.

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Клиенты" sheetId="1" r:id="rId1"/></sheets></workbook>`
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
const SHEET_END = '</sheetData></worksheet>'
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>bank_id</t></is></c><c r="B1" t="inlineStr"><is><t>full_name</t></is></c></row>'

/** Bytes of a CSV file of ';' alone: one record of as many empty fields. */
export function* semicolons(bytes: number): Generator<Buffer> {
  const block = Buffer.alloc(64 * 1024, ';')
  for (let left = bytes; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left)
}

/** A CSV of clients whose line 3 has `fields` fields. */
export function wideCsv(fields: number): string {
  return `bank_id;full_name\nW1;Иванов Иван\nW2;${';'.repeat(fields - 2)}\nW3;Петров Пётр\n`
}

function* repeat(times: number, piece: string, before = '', after = ''): Generator<string> {
  yield before
  const block = piece.repeat(Math.max(1, Math.floor(64 * 1024 / piece.length)))
  const perBlock = block.length / piece.length
  let left = times
  for (; left >= perBlock; left -= perBlock) yield block
  yield piece.repeat(left)
  yield after
}

function workbook(path: string, parts: ZipPart[]): Promise<void> {
  return writeZip(path, [
    { name: 'xl/workbook.xml', content: () => [WORKBOOK] },
    { name: 'xl/_rels/workbook.xml.rels', content: () => [RELS] },
    ...parts,
  ])
}

/** A workbook of `count` shared strings (each `text`), its sheet of two rows: a few kilobytes on disk. */
export function sharedStringsBomb(path: string, input: { count: number; text?: string; declaredSize?: number }): Promise<void> {
  const strings = repeat(input.count, `<si><t>${input.text ?? 'x'}</t></si>`, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '</sst>')
  const sheet = `${SHEET_START}${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>${SHEET_END}`
  return workbook(path, [
    { name: 'xl/sharedStrings.xml', content: () => strings, declaredSize: input.declaredSize },
    { name: 'xl/worksheets/sheet1.xml', content: () => [sheet] },
  ])
}

/** A workbook whose row 3 has `cells` empty cells. */
export function wideRowWorkbook(path: string, cells: number): Promise<void> {
  const row = repeat(cells, '<c/>', `${SHEET_START}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>X1</t></is></c></row><row r="3">`, `</row>${SHEET_END}`)
  return workbook(path, [{ name: 'xl/worksheets/sheet1.xml', content: () => row }])
}

/** A workbook whose row 2 holds one inline string of `chars` characters. */
export function longRowWorkbook(path: string, chars: number): Promise<void> {
  const row = repeat(chars, 'y', `${SHEET_START}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`, `</t></is></c></row>${SHEET_END}`)
  return workbook(path, [{ name: 'xl/worksheets/sheet1.xml', content: () => row }])
}

/** A workbook with one part of `bytes` spaces (or `times` a piece of XML) besides its sheet. */
export function bigPartWorkbook(path: string, input: { name: string; bytes: number; piece?: string; times?: number }): Promise<void> {
  const sheet = `${SHEET_START}${HEADER_ROW}${SHEET_END}`
  return workbook(path, [
    { name: 'xl/worksheets/sheet1.xml', content: () => [sheet] },
    { name: input.name, content: () => (input.piece ? repeat(input.times ?? 1, input.piece) : repeat(input.bytes, ' ')) },
  ])
}
