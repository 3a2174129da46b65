import { describe, expect, it } from 'vitest'
import { WorksheetRowScanner } from './worksheet-row-scanner.ts'

function scan(xml: string, cut: number[] = [], limits = { maxCells: 3, maxRowBytes: 300 }): void {
  const scanner = new WorksheetRowScanner(limits)
  const bytes = Buffer.from(xml)
  let from = 0
  for (const at of [...cut, bytes.length]) {
    scanner.push(bytes.subarray(from, at))
    from = at
  }
  scanner.end()
}

const row = (r: string, cells: number) => `<row${r}>${'<c r="A1" t="s"><v>1</v></c>'.repeat(cells)}</row>`
const sheet = (...rows: string[]) => `<worksheet><cols><col min="1"/></cols><sheetData>${rows.join('')}</sheetData><rowBreaks/></worksheet>`

describe('WorksheetRowScanner', () => {
  it('passes rows within the limits, however the XML is cut', () => {
    const xml = sheet(row(' r="1"', 3), row(' r="7" spans="1:3"', 2), row('', 3))
    for (let cut = 1; cut < xml.length; cut += 7) expect(() => scan(xml, [cut])).not.toThrow()
  })

  it.each([
    ['too many cells, numbered by r', sheet(row(' r="1"', 1), row(' spans="1:4" r="12"', 4)), 'import.too_many_cells', 12, 3],
    ['too many cells, numbered after the previous row', sheet(row(' r="5"', 1), row('', 4)), 'import.too_many_cells', 6, 3],
    ['a row of too many bytes', sheet(row('', 1), `<row r="2"><c><is><t>${'y'.repeat(400)}</t></is></c></row>`), 'import.row_xml_too_long', 2, 300],
    ['a row never closed', sheet(row('', 1), `<row r="9"><c><is><t>${'y'.repeat(400)}`), 'import.row_xml_too_long', 9, 300],
  ])('refuses %s, naming the line and the limit', (_, xml, code, line, limit) => {
    for (const cut of [[], [Math.floor(xml.length / 2)], [xml.length - 5]]) {
      expect(() => scan(xml, cut)).toThrow(expect.objectContaining({ message: expect.stringContaining(`line ${line}:`), details: { code, line, limit } }))
    }
  })
})
