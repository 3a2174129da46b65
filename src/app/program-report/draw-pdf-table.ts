import type PDFDocument from 'pdfkit'
import { COLORS } from './draw-report-charts.ts'

type Doc = InstanceType<typeof PDFDocument>
export type PdfColumn = { label: string; width: number; align?: 'left' | 'right' | 'center' }

const SIZE = 8
const PAD = 3

/**
 * A table at the cursor, full rows only: a row that would cross the bottom margin starts a new
 * page and repeats the header. Cells wrap within their column.
 */
export function drawPdfTable(doc: Doc, columns: readonly PdfColumn[], rows: readonly (readonly string[])[], groups?: readonly { label: string; columns: number }[]): void {
  const left = doc.page.margins.left
  const drawGroups = () => {
    if (!groups) return
    let x = left
    let first = 0
    const top = doc.y
    for (const group of groups) {
      const width = columns.slice(first, first + group.columns).reduce((s, c) => s + c.width, 0)
      if (group.label) {
        doc.rect(x + 1, top, width - 2, 13).fill('#dbe4f0')
        doc.fillColor(COLORS.text).font('bold').fontSize(SIZE).text(group.label, x, top + 3, { width, align: 'center', lineBreak: false })
      }
      x += width
      first += group.columns
    }
    doc.x = left
    doc.y = top + 14
  }
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(SIZE)
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      if (!bold) {
        drawGroups()
        drawRow(columns.map((c) => c.label), true)
      }
    }
    const top = doc.y
    if (bold) doc.rect(left, top, columns.reduce((s, c) => s + c.width, 0), height).fill('#e9eef5')
    let x = left
    cells.forEach((text, i) => {
      const column = columns[i]!
      doc.fillColor(COLORS.text).font(bold ? 'bold' : 'regular').fontSize(SIZE).text(text, x + PAD, top + PAD, { width: column.width - 2 * PAD, align: column.align ?? 'left' })
      x += column.width
    })
    doc.moveTo(left, top + height).lineTo(x, top + height).lineWidth(0.3).strokeColor('#ced4da').stroke()
    doc.x = left
    doc.y = top + height
  }
  drawGroups()
  drawRow(columns.map((c) => c.label), true)
  for (const row of rows) drawRow(row, false)
  doc.font('regular').moveDown(0.8)
}
