import ExcelJS from 'exceljs'
import type { Language } from '../../contract/language.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { formatP, formatReportReason } from '../../core/program-report/format-report-reason.ts'
import { reportFormat } from '../../core/program-report/format-report-value.ts'
import { reportWords, responseTypeWord } from '../../core/program-report/report-words.ts'
import type { ProgramReport } from './build-program-report.ts'
import { formula, header, on, put, title } from './report-cells.ts'
import { writeCaseSheet, type CaseCells } from './write-case-sheet.ts'
import { writeRolloutSheet } from './write-rollout-sheet.ts'

/**
 * The program report as an Excel workbook, in the chosen language: the summary, the business case
 * (live formulas, write-case-sheet.ts), the actuals, the verdict, the decisions and, once one is
 * saved, the rollout plan (write-rollout-sheet.ts). Totals are SUM
 * formulas and rates are divisions Excel recomputes; each caches our own result.
 */
export async function writeProgramReportXlsx(report: ProgramReport, lang: Language): Promise<Buffer> {
  const w = reportWords(lang)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Otklik'
  workbook.created = new Date(report.generatedAt)
  const summary = workbook.addWorksheet(w.sheets.summary)
  const caseSheet = report.businessCase && 'value' in report.businessCase ? workbook.addWorksheet(w.sheets.case) : undefined
  const verdict = 'value' in report.verdict ? report.verdict.value : undefined
  const cells = caseSheet && 'value' in report.businessCase ? writeCaseSheet(caseSheet, { case: report.businessCase.value.case, assumptions: report.businessCase.value.input, verdict, lang }) : undefined
  writeSummary(summary, report, cells && { sheet: w.sheets.case, cells }, lang)
  writeActuals(workbook.addWorksheet(w.sheets.actuals), report, lang)
  writeVerdict(workbook.addWorksheet(w.sheets.verdict), report, lang)
  writeDecisions(workbook.addWorksheet(w.sheets.decisions), report, lang)
  if (report.rolloutPlan) writeRolloutSheet(workbook.addWorksheet(w.sheets.rollout), report.rolloutPlan, lang)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function writeSummary(sheet: ExcelJS.Worksheet, report: ProgramReport, caseCells: { sheet: string; cells: CaseCells } | undefined, lang: Language): void {
  const w = reportWords(lang)
  const f = reportFormat(lang)
  const p = report.program
  sheet.columns = [{ width: 36 }, { width: 48 }]
  title(sheet, 'A1', `${w.title}: ${p.name} (${p.code})`, 14)
  put(sheet, 'A2', w.generated, 'text', lang)
  put(sheet, 'B2', f.dateTime(report.generatedAt), 'text', lang)
  header(sheet, 4, [w.field, w.value])
  const rows: [string, string | number | null, 'text' | 'money' | 'percent' | 'count'][] = [
    [w.program.code, p.code, 'text'],
    [w.program.name, p.name, 'text'],
    [w.program.goal, p.goal ? w.goals[p.goal] : '—', 'text'],
    [w.program.status, w.statuses[p.status], 'text'],
    [w.program.product, p.product ? `${p.product.name} (${p.product.code})` : '—', 'text'],
    [w.program.offer, p.offer ?? '—', 'text'],
    [w.program.channels, p.channels.map((c) => w.channels[c]).join(', ') || '—', 'text'],
    [w.program.owner, p.owner ?? '—', 'text'],
    [w.program.dates, p.plannedStart ? `${f.date(p.plannedStart)} – ${f.date(p.plannedEnd)}` : '—', 'text'],
    [w.program.budget, p.budget, 'money'],
    [w.program.controlShare, p.controlShare, 'percent'],
    [w.program.pilotSize, p.pilotSize, 'count'],
  ]
  rows.forEach(([label, value, format], i) => {
    put(sheet, `A${5 + i}`, label, 'text', lang)
    put(sheet, `B${5 + i}`, value, format, lang)
  })
  let r = 5 + rows.length + 1
  title(sheet, `A${r}`, w.outputs.title)
  r += 1
  if (caseCells && 'value' in report.businessCase) {
    const c = report.businessCase.value.case
    const figures: [string, string, number | null, 'money' | 'percent'][] = [
      [w.outputs.npv, caseCells.cells.npv, c.npv, 'money'],
      [w.outputs.totalCost, caseCells.cells.totalCost, c.totalCost, 'money'],
      [w.outputs.profit, caseCells.cells.profit, c.profit, 'money'],
      [w.outputs.roi, caseCells.cells.roi, c.roi, 'percent'],
      [w.outputs.breakEvenUplift, caseCells.cells.breakEvenUplift, c.breakEvenUplift, 'percent'],
    ]
    for (const [label, address, value, format] of figures) {
      put(sheet, `A${r}`, label, 'text', lang)
      put(sheet, `B${r}`, value === null ? null : formula(on(caseCells.sheet, address), value), format, lang)
      r += 1
    }
  } else {
    put(sheet, `A${r}`, 'missing' in report.businessCase ? formatReportReason(report.businessCase.missing, lang) : w.missing, 'text', lang)
    r += 1
  }
  r += 1
  title(sheet, `A${r}`, w.verdict.title)
  r += 1
  if ('value' in report.verdict) {
    for (const response of report.verdict.value.responses) {
      put(sheet, `A${r}`, responseTypeWord(response.type as ResponseType, lang), 'text', lang)
      put(sheet, `B${r}`, formatReportReason(response.reason, lang), 'text', lang)
      sheet.getCell(`B${r}`).alignment = { wrapText: true, vertical: 'top' }
      r += 1
    }
  } else {
    put(sheet, `A${r}`, verdictMissing(report, lang), 'text', lang)
  }
}

function verdictMissing(report: ProgramReport, lang: Language): string {
  if (!('missing' in report.verdict)) return ''
  return report.verdict.missing.code === 'auth.role_forbidden' ? reportWords(lang).noRole : formatReportReason(report.verdict.missing, lang)
}

function writeActuals(sheet: ExcelJS.Worksheet, report: ProgramReport, lang: Language): void {
  const w = reportWords(lang)
  const f = reportFormat(lang)
  sheet.columns = [{ width: 12 }, { width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }]
  title(sheet, 'A1', w.waves.title, 12)
  header(sheet, 2, [w.waves.id, w.waves.kind, w.waves.channel, w.waves.builtAt, w.waves.target, w.waves.control, w.waves.contacts])
  report.waves.forEach((wave, i) => {
    const r = 3 + i
    put(sheet, `A${r}`, wave.id, 'count', lang)
    put(sheet, `B${r}`, w.waves[wave.kind], 'text', lang)
    put(sheet, `C${r}`, w.channels[wave.channel], 'text', lang)
    put(sheet, `D${r}`, f.date(wave.builtAt), 'text', lang)
    put(sheet, `E${r}`, wave.target, 'count', lang)
    put(sheet, `F${r}`, wave.control, 'count', lang)
    put(sheet, `G${r}`, wave.contacts, 'count', lang)
  })
  const total = 3 + report.waves.length
  if (report.waves.length > 0) {
    put(sheet, `A${total}`, w.waves.total, 'text', lang).font = { bold: true }
    const sum = (key: 'target' | 'control' | 'contacts') => report.waves.reduce((s, wave) => s + wave[key], 0)
    for (const [column, key] of [['E', 'target'], ['F', 'control'], ['G', 'contacts']] as const) {
      put(sheet, `${column}${total}`, formula(`SUM(${column}3:${column}${total - 1})`, sum(key)), 'count', lang).font = { bold: true }
    }
  } else {
    put(sheet, `A${total}`, w.waves.none, 'text', lang)
  }

  const start = total + 2
  title(sheet, `A${start}`, w.responses.title, 12)
  header(sheet, start + 1, [w.responses.wave, w.responses.type, w.responses.targetMembers, w.responses.targetResponders, w.responses.targetRate, w.responses.controlMembers, w.responses.controlResponders, w.responses.controlRate])
  report.responses.forEach((row, i) => {
    const r = start + 2 + i
    put(sheet, `A${r}`, row.waveId, 'count', lang)
    put(sheet, `B${r}`, responseTypeWord(row.type, lang), 'text', lang)
    put(sheet, `C${r}`, row.target.members, 'count', lang)
    put(sheet, `D${r}`, row.target.responders, 'count', lang)
    put(sheet, `E${r}`, row.target.members === 0 ? null : formula(`D${r}/C${r}`, row.target.responders / row.target.members), 'percent', lang)
    put(sheet, `F${r}`, row.control.members, 'count', lang)
    put(sheet, `G${r}`, row.control.responders, 'count', lang)
    put(sheet, `H${r}`, row.control.members === 0 ? null : formula(`G${r}/F${r}`, row.control.responders / row.control.members), 'percent', lang)
  })
  if (report.responses.length === 0) put(sheet, `A${start + 2}`, w.responses.none, 'text', lang)

  const sales = start + 2 + Math.max(report.responses.length, 1) + 1
  title(sheet, `A${sales}`, w.leadSales.title, 12)
  const figures = [[w.leadSales.leads, report.leadSales.leads, 'count'], [w.leadSales.won, report.leadSales.won, 'count'], [w.leadSales.value, Number(report.leadSales.value), 'money']] as const
  figures.forEach(([label, value, format], i) => {
    put(sheet, `A${sales + 1 + i}`, label, 'text', lang)
    put(sheet, `C${sales + 1 + i}`, value, format, lang)
  })
}

function writeVerdict(sheet: ExcelJS.Worksheet, report: ProgramReport, lang: Language): void {
  const w = reportWords(lang)
  const f = reportFormat(lang)
  sheet.columns = [{ width: 26 }, ...Array.from({ length: 12 }, () => ({ width: 15 })), { width: 18 }, { width: 70 }]
  title(sheet, 'A1', w.verdict.title, 12)
  if (!('value' in report.verdict)) {
    put(sheet, 'A2', verdictMissing(report, lang), 'text', lang)
    return
  }
  const v = report.verdict.value
  const facts: [string, string | number, 'text' | 'money' | 'percent' | 'rate'][] = [
    [w.verdict.wave, `${v.wave.id}: ${f.number(v.wave.target)} / ${f.number(v.wave.control)} (${f.percent(v.wave.controlShare, 1)})`, 'text'],
    [w.verdict.window, `${f.dateTime(v.window.from)} – ${f.dateTime(v.window.until)}${v.window.closed ? '' : ` (${w.verdict.windowOpen})`}`, 'text'],
    [w.verdict.srm, v.srm.p, 'rate'],
    [w.verdict.waveCost, v.waveCost, 'money'],
    [w.verdict.breakEven, v.economics.breakEvenUplift ?? '—', v.economics.breakEvenUplift === null ? 'text' : 'percent'],
  ]
  facts.forEach(([label, value, format], i) => {
    put(sheet, `A${2 + i}`, label, 'text', lang)
    put(sheet, `B${2 + i}`, value, format, lang)
  })
  if (v.srm.blocked) put(sheet, 'C4', v.srm.explained ? w.verdict.srmExplained : w.verdict.srmBlocked, 'text', lang)
  const h = 2 + facts.length + 1
  header(sheet, h, [w.verdict.type, w.verdict.targetRate, w.verdict.controlRate, w.verdict.uplift, w.verdict.ciLow, w.verdict.ciHigh, w.verdict.p, w.verdict.test, w.verdict.pAdjusted, w.verdict.profit, w.verdict.profitLow, w.verdict.profitHigh, w.verdict.recommendation, w.verdict.reason])
  v.responses.forEach((response, i) => {
    const r = h + 1 + i
    put(sheet, `A${r}`, responseTypeWord(response.type as ResponseType, lang), 'text', lang)
    put(sheet, `B${r}`, response.arms.target.rate, 'percent', lang)
    put(sheet, `C${r}`, response.arms.control.rate, 'percent', lang)
    put(sheet, `D${r}`, formula(`B${r}-C${r}`, response.uplift), 'percent', lang)
    put(sheet, `E${r}`, response.ci[0], 'percent', lang)
    put(sheet, `F${r}`, response.ci[1], 'percent', lang)
    put(sheet, `G${r}`, response.p, 'rate', lang)
    put(sheet, `H${r}`, response.test === 'z' ? w.verdict.z : w.verdict.fisher, 'text', lang)
    put(sheet, `I${r}`, response.pAdjusted, 'rate', lang)
    put(sheet, `J${r}`, response.incrementalProfit.estimate, 'money', lang)
    put(sheet, `K${r}`, response.incrementalProfit.ci[0], 'money', lang)
    put(sheet, `L${r}`, response.incrementalProfit.ci[1], 'money', lang)
    put(sheet, `M${r}`, w.recommendations[response.recommendation], 'text', lang)
    put(sheet, `N${r}`, formatReportReason(response.reason, lang), 'text', lang).alignment = { wrapText: true, vertical: 'top' }
  })
}

function writeDecisions(sheet: ExcelJS.Worksheet, report: ProgramReport, lang: Language): void {
  const w = reportWords(lang)
  const f = reportFormat(lang)
  sheet.columns = [{ width: 20 }, { width: 28 }, { width: 36 }, { width: 70 }]
  title(sheet, 'A1', w.decisions.title, 12)
  header(sheet, 2, [w.decisions.at, w.decisions.author, w.decisions.move, w.decisions.comment])
  report.decisions.forEach((d, i) => {
    const r = 3 + i
    put(sheet, `A${r}`, f.dateTime(d.at), 'text', lang)
    put(sheet, `B${r}`, d.author, 'text', lang)
    put(sheet, `C${r}`, `${w.statuses[d.from]} → ${w.statuses[d.to]}`, 'text', lang)
    put(sheet, `D${r}`, d.comment ?? '', 'text', lang).alignment = { wrapText: true, vertical: 'top' }
  })
  if (report.decisions.length === 0) put(sheet, 'A3', w.decisions.none, 'text', lang)
}
