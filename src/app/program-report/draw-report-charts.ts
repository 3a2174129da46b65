import type PDFDocument from 'pdfkit'
import { niceTicks } from '../../core/program-report/nice-ticks.ts'

// The report's charts, drawn as PDF vectors (pdfkit): sharp at any zoom, text searchable, no
// browser or image renderer on the server.

type Doc = InstanceType<typeof PDFDocument>
export type Box = { x: number; y: number; width: number; height: number }

export const COLORS = { positive: '#2f9e44', negative: '#e03131', npv: '#1c7ed6', axis: '#868e96', grid: '#e9ecef', text: '#212529', muted: '#495057', band: '#a5d8ff', line: '#f08c00' }

const LABEL = 7.5

/** A linear scale from values to page coordinates. */
const scale = (ticks: readonly number[], from: number, to: number) => {
  const low = ticks[0]!
  const high = ticks[ticks.length - 1]!
  return (v: number) => from + ((v - low) / (high - low || 1)) * (to - from)
}

/** Vertical bars: each year's discounted cash flow, then the NPV (their sum) in its own colour. */
export function drawFlowChart(doc: Doc, box: Box, input: { bars: { label: string; value: number }[]; npv: { label: string; value: number }; money: (v: number) => string }): void {
  const bars = [...input.bars, input.npv]
  const ticks = niceTicks(Math.min(...bars.map((b) => b.value)), Math.max(...bars.map((b) => b.value)))
  const axisWidth = 62
  const plot = { x: box.x + axisWidth, y: box.y, width: box.width - axisWidth, height: box.height - 16 }
  const y = scale(ticks, plot.y + plot.height, plot.y)
  drawValueGrid(doc, ticks, (t) => y(t), { horizontal: true, from: plot.x, to: plot.x + plot.width, labelAt: box.x, labelWidth: axisWidth - 6, money: input.money })
  const slot = plot.width / bars.length
  bars.forEach((bar, i) => {
    const top = y(Math.max(bar.value, 0))
    const bottom = y(Math.min(bar.value, 0))
    const color = i === bars.length - 1 ? COLORS.npv : bar.value < 0 ? COLORS.negative : COLORS.positive
    doc.rect(plot.x + i * slot + slot * 0.2, top, slot * 0.6, Math.max(bottom - top, 0.5)).fill(color)
    doc.fillColor(COLORS.text).fontSize(LABEL).text(bar.label, plot.x + i * slot, plot.y + plot.height + 4, { width: slot, align: 'center', lineBreak: false })
  })
  doc.moveTo(plot.x, y(0)).lineTo(plot.x + plot.width, y(0)).lineWidth(0.8).strokeColor(COLORS.axis).stroke()
}

/** Horizontal bars of the NPV with each driver at 80% and 120%, widest first, about the case's NPV (a line). */
export function drawTornadoChart(doc: Doc, box: Box, input: { bars: { label: string; low: number; high: number }[]; npv: number; money: (v: number) => string }): void {
  const values = input.bars.flatMap((b) => [b.low, b.high]).concat(input.npv)
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 4)
  const labelWidth = 150
  const plot = { x: box.x + labelWidth, y: box.y, width: box.width - labelWidth - 8, height: box.height - 14 }
  const x = scale(ticks, plot.x, plot.x + plot.width)
  drawValueGrid(doc, ticks, x, { horizontal: false, from: plot.y, to: plot.y + plot.height, labelAt: plot.y + plot.height + 3, labelWidth: 60, money: input.money })
  const slot = plot.height / Math.max(input.bars.length, 1)
  input.bars.forEach((bar, i) => {
    const top = plot.y + i * slot
    const [from, to] = [Math.min(bar.low, bar.high), Math.max(bar.low, bar.high)]
    doc.rect(x(from), top + slot * 0.18, Math.max(x(to) - x(from), 0.8), slot * 0.64).fill(bar.high >= bar.low ? COLORS.band : '#ffc9c9')
    doc.fillColor(COLORS.text).fontSize(LABEL).text(bar.label, box.x, top + slot / 2 - 4, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true })
  })
  doc.moveTo(x(input.npv), plot.y).lineTo(x(input.npv), plot.y + plot.height).lineWidth(1.2).strokeColor(COLORS.npv).stroke()
}

/** Per response type the uplift (a point) with its 95% interval (a whisker), against zero and the break-even uplift (dashed). */
export function drawUpliftChart(doc: Doc, box: Box, input: { rows: { label: string; estimate: number; ci: readonly [number, number] }[]; breakEven: number | null; breakEvenLabel: string; breakEvenText: string; percent: (v: number) => string }): void {
  const values = input.rows.flatMap((r) => [r.ci[0], r.ci[1]]).concat(input.breakEven === null ? [] : [input.breakEven])
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5)
  const labelWidth = 150
  const plot = { x: box.x + labelWidth, y: box.y, width: box.width - labelWidth - 8, height: box.height - 26 }
  const x = scale(ticks, plot.x, plot.x + plot.width)
  drawValueGrid(doc, ticks, x, { horizontal: false, from: plot.y, to: plot.y + plot.height, labelAt: plot.y + plot.height + 3, labelWidth: 50, money: input.percent })
  doc.moveTo(x(0), plot.y).lineTo(x(0), plot.y + plot.height).lineWidth(0.8).strokeColor(COLORS.axis).stroke()
  if (input.breakEven !== null) {
    doc.moveTo(x(input.breakEven), plot.y).lineTo(x(input.breakEven), plot.y + plot.height).lineWidth(1).dash(3, { space: 2 }).strokeColor(COLORS.line).stroke().undash()
    doc.fillColor(COLORS.line).fontSize(LABEL).text(`${input.breakEvenLabel}: ${input.breakEvenText}`, plot.x, plot.y + plot.height + 14, { width: plot.width, align: 'right', lineBreak: false })
  }
  const slot = plot.height / Math.max(input.rows.length, 1)
  input.rows.forEach((row, i) => {
    const middle = plot.y + i * slot + slot / 2
    doc.moveTo(x(row.ci[0]), middle).lineTo(x(row.ci[1]), middle).lineWidth(2).strokeColor(COLORS.npv).stroke()
    for (const end of row.ci) doc.moveTo(x(end), middle - 4).lineTo(x(end), middle + 4).lineWidth(1).stroke()
    doc.circle(x(row.estimate), middle, 3.2).fill(COLORS.npv)
    doc.fillColor(COLORS.text).fontSize(LABEL).text(row.label, box.x, middle - 4, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true })
  })
}

type GridInput = { horizontal: boolean; from: number; to: number; labelAt: number; labelWidth: number; money: (v: number) => string }

/** Grid lines at the ticks with their labels: left of the plot for a vertical axis, below it for a horizontal one. */
function drawValueGrid(doc: Doc, ticks: readonly number[], at: (t: number) => number, grid: GridInput): void {
  doc.fontSize(LABEL - 0.5).fillColor(COLORS.muted)
  for (const tick of ticks) {
    const p = at(tick)
    if (grid.horizontal) {
      doc.moveTo(grid.from, p).lineTo(grid.to, p).lineWidth(0.4).strokeColor(COLORS.grid).stroke()
      doc.fillColor(COLORS.muted).text(grid.money(tick), grid.labelAt, p - 3.5, { width: grid.labelWidth, align: 'right', lineBreak: false })
    } else {
      doc.moveTo(p, grid.from).lineTo(p, grid.to).lineWidth(0.4).strokeColor(COLORS.grid).stroke()
      doc.fillColor(COLORS.muted).text(grid.money(tick), p - grid.labelWidth / 2, grid.labelAt, { width: grid.labelWidth, align: 'center', lineBreak: false })
    }
  }
}
