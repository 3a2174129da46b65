import type ExcelJS from 'exceljs'
import type { Language } from '../../contract/language.ts'
import { kopecksFromRoubles } from '../../core/program/kopecks.ts'
import { reportFormat } from '../../core/program-report/format-report-value.ts'
import { reportWords } from '../../core/program-report/report-words.ts'
import type { ProgramReport } from './build-program-report.ts'
import { formula, header, put, title } from './report-cells.ts'

type SavedPlan = NonNullable<ProgramReport['rolloutPlan']>

/** The case's figures a rollout plan moves, in the report's words and formats. */
export function rolloutFigures(lang: Language) {
  const w = reportWords(lang)
  return [
    ['contacted', w.outputs.contacted, 'decimal'],
    ['incrementalProducts', w.outputs.incrementalProducts, 'decimal'],
    ['contactCost', w.outputs.contactCost, 'money'],
    ['totalCost', w.outputs.totalCost, 'money'],
    ['npv', w.outputs.npv, 'money'],
    ['profit', w.outputs.profit, 'money'],
    ['roi', w.outputs.roi, 'percent'],
  ] as const
}

/**
 * The saved rollout plan: its waves with SUM totals of clients, calls and cost, and the business
 * case on the planned reach beside the case at full reach, the differences as formulas.
 */
export function writeRolloutSheet(sheet: ExcelJS.Worksheet, plan: SavedPlan, lang: Language): void {
  const w = reportWords(lang)
  const f = reportFormat(lang)
  sheet.columns = [{ width: 34 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 18 }]
  title(sheet, 'A1', w.sheets.rollout, 12)
  put(sheet, 'A2', w.rollout.saved, 'text', lang)
  put(sheet, 'B2', `${f.dateTime(plan.savedAt)}, ${plan.savedBy.fullName ?? plan.savedBy.login}`, 'text', lang)
  put(sheet, 'A3', w.rollout.planned, 'text', lang)
  put(sheet, 'B3', plan.planned, 'count', lang)
  const left = Object.values(plan.uncontacted).reduce((s, n) => s + n, 0)
  put(sheet, 'A4', w.rollout.uncontacted, 'text', lang)
  put(sheet, 'B4', left, 'count', lang)
  put(sheet, 'A5', w.rollout.limitedBy, 'text', lang)
  put(sheet, 'B5', plan.limitedBy ? w.rollout.cuts[plan.limitedBy] : '—', 'text', lang)

  header(sheet, 7, [w.rollout.number, w.rollout.start, w.rollout.end, w.rollout.workingDays, w.rollout.clients, w.rollout.calls, w.rollout.cost])
  plan.waves.forEach((wave, i) => {
    const r = 8 + i
    put(sheet, `A${r}`, wave.number, 'count', lang)
    put(sheet, `B${r}`, f.date(wave.start), 'text', lang)
    put(sheet, `C${r}`, f.date(wave.end), 'text', lang)
    put(sheet, `D${r}`, wave.workingDays, 'count', lang)
    put(sheet, `E${r}`, wave.clients, 'count', lang)
    put(sheet, `F${r}`, wave.calls, 'count', lang)
    put(sheet, `G${r}`, wave.cost, 'money', lang)
  })
  const total = 8 + plan.waves.length
  put(sheet, `A${total}`, w.rollout.total, 'text', lang).font = { bold: true }
  if (plan.waves.length > 0) {
    const sum = (pick: (wave: SavedPlan['waves'][number]) => number) => plan.waves.reduce((s, wave) => s + pick(wave), 0)
    put(sheet, `D${total}`, formula(`SUM(D8:D${total - 1})`, sum((x) => x.workingDays)), 'count', lang).font = { bold: true }
    put(sheet, `E${total}`, formula(`SUM(E8:E${total - 1})`, sum((x) => x.clients)), 'count', lang).font = { bold: true }
    put(sheet, `F${total}`, formula(`SUM(F8:F${total - 1})`, sum((x) => x.calls)), 'count', lang).font = { bold: true }
    // Each wave's cost is whole kopecks: their sum is too, added as integers.
    put(sheet, `G${total}`, formula(`SUM(G8:G${total - 1})`, sum((x) => kopecksFromRoubles(x.cost)!) / 100), 'money', lang).font = { bold: true }
  }

  const start = total + 2
  title(sheet, `A${start}`, w.rollout.figures)
  header(sheet, start + 1, [w.rollout.measure, w.rollout.plan, w.rollout.full, w.rollout.difference])
  rolloutFigures(lang).forEach(([key, label, format], i) => {
    const r = start + 2 + i
    const planned = plan.case[key]
    const full = plan.caseFullReach[key]
    put(sheet, `A${r}`, label, 'text', lang)
    put(sheet, `B${r}`, planned, format, lang)
    put(sheet, `C${r}`, full, format, lang)
    if (planned === null || full === null) return
    const difference = format === 'money' ? (kopecksFromRoubles(planned)! - kopecksFromRoubles(full)!) / 100 : planned - full
    put(sheet, `D${r}`, formula(`B${r}-C${r}`, difference), format, lang)
  })
}
