import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { Language } from '../../contract/language.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { formatP, formatReportReason } from '../../core/program-report/format-report-reason.ts'
import { reportFormat, type ReportFormat } from '../../core/program-report/format-report-value.ts'
import { reportWords, responseTypeWord, type ReportWords } from '../../core/program-report/report-words.ts'
import type { ProgramReport } from './build-program-report.ts'
import { drawFlowChart, drawTornadoChart, drawUpliftChart } from './draw-report-charts.ts'
import { drawPdfTable } from './draw-pdf-table.ts'
import { rolloutFigures } from './write-rollout-sheet.ts'

// DejaVu Sans from its npm package: Cyrillic, ₽, χ² and the arrows, embedded (subset) in each PDF,
// so neither the server nor CI needs a system font.
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)
const FONTS = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') }

type Doc = InstanceType<typeof PDFDocument>
type Context = { doc: Doc; report: ProgramReport; w: ReportWords; f: ReportFormat; lang: Language }

const PAGE_WIDTH = 595.28 - 2 * 40

/**
 * The program report as a PDF (A4) in the chosen language: the summary, the business case with
 * its cash flows and NPV chart and the tornado, the actuals, the verdict with the uplift and its
 * interval per response type, and the decisions.
 */
export function writeProgramReportPdf(report: ProgramReport, lang: Language): Promise<Buffer> {
  const w = reportWords(lang)
  const doc = new PDFDocument({ size: 'A4', margin: 40, bufferPages: true, lang, info: { Title: `${w.title}: ${report.program.name}`, Author: 'Otklik', CreationDate: new Date(report.generatedAt) } })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const context: Context = { doc, report, w, f: reportFormat(lang), lang }
  writeSummary(context)
  writeCase(context)
  writeActuals(context)
  writeVerdict(context)
  writeDecisions(context)
  writeRollout(context)
  numberPages(context)
  doc.end()
  return done
}

function heading(ctx: Context, text: string, size = 13): void {
  const { doc } = ctx
  if (doc.y > doc.page.height - 140) doc.addPage()
  doc.x = doc.page.margins.left
  doc.font('bold').fontSize(size).fillColor('#1c3d5a').text(text, { width: PAGE_WIDTH })
  doc.moveDown(0.4).font('regular').fillColor('#212529')
}

function paragraph(ctx: Context, text: string): void {
  ctx.doc.font('regular').fontSize(9).fillColor('#212529').text(text, ctx.doc.page.margins.left, ctx.doc.y, { width: PAGE_WIDTH })
  ctx.doc.moveDown(0.5)
}

function writeSummary(ctx: Context): void {
  const { doc, report, w, f } = ctx
  const p = report.program
  doc.font('bold').fontSize(17).fillColor('#1c3d5a').text(`${w.title}: ${p.name}`, { width: PAGE_WIDTH })
  doc.font('regular').fontSize(9).fillColor('#495057').text(`${p.code} · ${w.statuses[p.status]} · ${w.generated}: ${f.dateTime(report.generatedAt)}`)
  doc.moveDown(0.8)
  const rows: [string, string][] = [
    [w.program.goal, p.goal ? w.goals[p.goal] : '—'],
    [w.program.product, p.product ? `${p.product.name} (${p.product.code})` : '—'],
    [w.program.offer, p.offer ?? '—'],
    [w.program.channels, p.channels.map((c) => w.channels[c]).join(', ') || '—'],
    [w.program.owner, p.owner ?? '—'],
    [w.program.dates, p.plannedStart ? `${f.date(p.plannedStart)} – ${f.date(p.plannedEnd)}` : '—'],
    [w.program.budget, f.money(p.budget)],
    [w.program.controlShare, f.percent(p.controlShare, 1)],
    [w.program.pilotSize, f.number(p.pilotSize)],
  ]
  if ('value' in report.businessCase) {
    const c = report.businessCase.value.case
    rows.push(
      [w.outputs.npv, f.money(c.npv)],
      [w.outputs.totalCost, f.money(c.totalCost)],
      [w.outputs.profit, f.money(c.profit)],
      [w.outputs.roi, f.percent(c.roi, 1)],
      [w.outputs.breakEvenUplift, f.points(c.breakEvenUplift, 2, false)],
      [w.outputs.paybackYears, c.paybackYears === null ? w.outputs.never : f.number(c.paybackYears, 2)],
    )
  }
  drawPdfTable(doc, [{ label: w.field, width: 200 }, { label: w.value, width: PAGE_WIDTH - 200 }], rows)
  if ('value' in report.verdict) {
    heading(ctx, w.verdict.title, 11)
    for (const r of report.verdict.value.responses) paragraph(ctx, `${responseTypeWord(r.type as ResponseType, ctx.lang)}: ${formatReportReason(r.reason, ctx.lang)}`)
  }
}

function writeCase(ctx: Context): void {
  const { doc, report, w, f } = ctx
  doc.addPage()
  heading(ctx, w.sheets.case)
  if (!('value' in report.businessCase)) return paragraph(ctx, formatReportReason(report.businessCase.missing, ctx.lang))
  const { case: c, input: a } = report.businessCase.value
  const assumptions: [string, string][] = [
    [w.inputs.audience, f.number(a.audience)],
    [w.outputs.contacted, f.number(c.contacted)],
    [`${w.inputs.responseRateTarget} / ${w.inputs.responseRateControl}`, `${f.percent(a.responseRateTarget)} / ${f.percent(a.responseRateControl)}`],
    [w.inputs.conversion, f.percent(a.conversion)],
    [w.inputs.netPerYear, f.money(a.netPerYear)],
    [w.inputs.lifetimeYears, f.number(a.lifetimeYears, 2)],
    [w.inputs.discountRate, f.percent(a.discountRate)],
    [w.inputs.horizonYears, f.number(a.horizonYears)],
    [w.outputs.incrementalProducts, f.number(c.incrementalProducts, 1)],
    [w.outputs.valuePerProduct, f.money(c.valuePerProduct)],
  ]
  drawPdfTable(doc, [{ label: w.field, width: 260 }, { label: w.value, width: PAGE_WIDTH - 260, align: 'right' }], assumptions)

  heading(ctx, w.charts.flows, 11)
  const chartTop = doc.y
  drawFlowChart(doc, { x: 40, y: chartTop, width: PAGE_WIDTH, height: 150 }, {
    bars: c.cashFlows.map((flow) => ({ label: `${w.flows.year} ${flow.year}`, value: flow.discounted })),
    npv: { label: w.charts.npv, value: c.npv },
    money: f.moneyShort,
  })
  doc.y = chartTop + 162
  drawPdfTable(
    doc,
    [{ label: w.flows.year, width: 60 }, { label: w.flows.flow, width: 150, align: 'right' }, { label: w.flows.factor, width: 120, align: 'right' }, { label: w.flows.discounted, width: PAGE_WIDTH - 330, align: 'right' }],
    [
      ...c.cashFlows.map((flow) => [String(flow.year), f.money(flow.flow), f.number((1 + a.discountRate) ** flow.year, 5), f.money(flow.discounted)]),
      [w.flows.total, f.money(c.profit), '', f.money(c.npv)],
    ],
  )

  heading(ctx, w.tornado.title, 11)
  const tornadoHeight = 16 * c.tornado.length + 16
  const legendHeight = 14
  if (doc.y + tornadoHeight + legendHeight > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const top = doc.y
  drawTornadoChart(doc, { x: 40, y: top, width: PAGE_WIDTH, height: tornadoHeight }, {
    bars: c.tornado.map((bar) => ({ label: w.drivers[bar.driver], low: bar.npvLow, high: bar.npvHigh })),
    npv: c.npv,
    money: f.moneyShort,
  })
  doc.fillColor('#666666').fontSize(7).text(w.tornado.legend, 40, top + tornadoHeight + 4, { width: PAGE_WIDTH }).fillColor('#212529')
  doc.y = top + tornadoHeight + legendHeight + 10
}

function writeActuals(ctx: Context): void {
  const { doc, report, w, f, lang } = ctx
  doc.addPage()
  heading(ctx, w.waves.title)
  if (report.waves.length === 0) paragraph(ctx, w.waves.none)
  else {
    const sum = (key: 'target' | 'control' | 'contacts') => f.number(report.waves.reduce((s, wave) => s + wave[key], 0))
    const n = { width: 85, align: 'right' as const } // 50 + 90 + 60 + built + 85 + 85 + 70
    drawPdfTable(
      doc,
      [{ label: w.waves.id, width: 50 }, { label: w.waves.kind, width: 90 }, { label: w.waves.channel, width: 60 }, { label: w.waves.builtAt, width: PAGE_WIDTH - 440 }, { label: w.waves.target, ...n }, { label: w.waves.control, ...n }, { label: w.waves.contacts, width: 70, align: 'right' }],
      [...report.waves.map((wave) => [String(wave.id), w.waves[wave.kind], w.channels[wave.channel], f.date(wave.builtAt), f.number(wave.target), f.number(wave.control), f.number(wave.contacts)]), [w.waves.total, '', '', '', sum('target'), sum('control'), sum('contacts')]],
    )
  }
  writeResponses(ctx)
  const sales = report.leadSales
  heading(ctx, w.leadSales.title, 11)
  paragraph(ctx, `${w.leadSales.leads}: ${f.number(sales.leads)} · ${w.leadSales.won}: ${f.number(sales.won)} · ${w.leadSales.value}: ${f.money(Number(sales.value))}`)
}

function writeResponses(ctx: Context): void {
  const { doc, report, w, f, lang } = ctx
  heading(ctx, w.responses.title, 11)
  if (report.responses.length === 0) return paragraph(ctx, w.responses.none)
  const n = { width: 58, align: 'right' as const }
  const group = [{ label: w.responses.members, ...n }, { label: w.responses.responders, ...n, width: 76 }, { label: w.responses.rate, ...n, width: 48 }]
  drawPdfTable(
    doc,
    [{ label: w.responses.wave, width: 45 }, { label: w.responses.type, width: PAGE_WIDTH - 45 - 2 * (58 + 76 + 48) }, ...group, ...group],
    report.responses.map((r) => [
      String(r.waveId), responseTypeWord(r.type, lang),
      f.number(r.target.members), f.number(r.target.responders), r.target.members ? f.percent(r.target.responders / r.target.members) : '—',
      f.number(r.control.members), f.number(r.control.responders), r.control.members ? f.percent(r.control.responders / r.control.members) : '—',
    ]),
    [{ label: '', columns: 2 }, { label: w.waves.target, columns: 3 }, { label: w.waves.control, columns: 3 }],
  )
}

function writeVerdict(ctx: Context): void {
  const { doc, report, w, f, lang } = ctx
  heading(ctx, w.verdict.title)
  if (!('value' in report.verdict)) {
    return paragraph(ctx, report.verdict.missing.code === 'auth.role_forbidden' ? w.noRole : formatReportReason(report.verdict.missing, lang))
  }
  const v = report.verdict.value
  const srm = `${formatP(v.srm.p, lang)}${v.srm.blocked ? ` — ${v.srm.explained ? w.verdict.srmExplained : w.verdict.srmBlocked}` : ''}`
  drawPdfTable(doc, [{ label: w.field, width: 200 }, { label: w.value, width: PAGE_WIDTH - 200 }], [
    [w.verdict.wave, `${v.wave.id}: ${f.number(v.wave.target)} / ${f.number(v.wave.control)} (${f.percent(v.wave.controlShare, 1)})`],
    [w.verdict.window, `${f.dateTime(v.window.from)} – ${f.dateTime(v.window.until)}${v.window.closed ? '' : ` (${w.verdict.windowOpen})`}`],
    [w.verdict.srm, srm],
    [w.verdict.waveCost, f.money(v.waveCost)],
  ])
  if (v.responses.length === 0) return
  heading(ctx, w.verdict.chart, 11)
  const height = 22 * v.responses.length + 34
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const top = doc.y
  drawUpliftChart(doc, { x: 40, y: top, width: PAGE_WIDTH, height }, {
    rows: v.responses.map((r) => ({ label: responseTypeWord(r.type as ResponseType, lang), estimate: r.uplift, ci: r.ci })),
    breakEven: v.economics.breakEvenUplift,
    breakEvenLabel: w.verdict.breakEven,
    percent: (share) => f.points(share, 1),
    breakEvenText: f.points(v.economics.breakEvenUplift, 2, false),
  })
  doc.y = top + height + 8
  drawPdfTable(
    doc,
    [
      { label: w.verdict.type, width: PAGE_WIDTH - 445 },
      { label: w.verdict.uplift, width: 55, align: 'right' },
      { label: `${w.verdict.ciLow} … ${w.verdict.ciHigh}`, width: 140, align: 'right' },
      { label: `${w.verdict.p} (${w.verdict.pAdjusted})`, width: 85, align: 'right' },
      { label: w.verdict.profit, width: 75, align: 'right' },
      { label: w.verdict.recommendation, width: 90 },
    ],
    v.responses.map((r) => [
      responseTypeWord(r.type as ResponseType, lang),
      f.points(r.uplift),
      `${f.points(r.ci[0])} … ${f.points(r.ci[1])}\n${f.money(r.incrementalProfit.ci[0])} … ${f.money(r.incrementalProfit.ci[1])}`,
      `${formatP(r.p, lang)} (${formatP(r.pAdjusted, lang)}), ${r.test === 'z' ? w.verdict.z : w.verdict.fisher}`,
      f.money(r.incrementalProfit.estimate),
      w.recommendations[r.recommendation],
    ]),
  )
  for (const r of v.responses) paragraph(ctx, `${responseTypeWord(r.type as ResponseType, lang)}: ${formatReportReason(r.reason, lang)}`)
}

function writeDecisions(ctx: Context): void {
  const { doc, report, w, f } = ctx
  heading(ctx, w.decisions.title)
  if (report.decisions.length === 0) return paragraph(ctx, w.decisions.none)
  drawPdfTable(
    doc,
    [{ label: w.decisions.at, width: 95 }, { label: w.decisions.author, width: 110 }, { label: w.decisions.move, width: 130 }, { label: w.decisions.comment, width: PAGE_WIDTH - 335 }],
    report.decisions.map((d) => [f.dateTime(d.at), d.author, `${w.statuses[d.from]} → ${w.statuses[d.to]}`, d.comment ?? '']),
  )
}

function writeRollout(ctx: Context): void {
  const { doc, report, w, f, lang } = ctx
  const plan = report.rolloutPlan
  heading(ctx, w.sheets.rollout)
  if (!plan) return paragraph(ctx, w.rollout.none)
  const left = Object.values(plan.uncontacted).reduce((s, n) => s + n, 0)
  paragraph(ctx, `${w.rollout.saved}: ${f.dateTime(plan.savedAt)}, ${plan.savedBy.fullName ?? plan.savedBy.login}. ${w.rollout.planned}: ${f.number(plan.planned)}; ${w.rollout.uncontacted}: ${f.number(left)}${plan.limitedBy ? ` (${w.rollout.limitedBy}: ${w.rollout.cuts[plan.limitedBy]})` : ''}.`)
  const n = { width: 70, align: 'right' as const }
  drawPdfTable(
    doc,
    [{ label: w.rollout.number, width: 45 }, { label: w.rollout.start, width: 85 }, { label: w.rollout.end, width: 85 }, { label: w.rollout.workingDays, ...n }, { label: w.rollout.clients, ...n }, { label: w.rollout.calls, ...n }, { label: w.rollout.cost, width: PAGE_WIDTH - 425, align: 'right' }],
    plan.waves.map((wave) => [String(wave.number), f.date(wave.start), f.date(wave.end), f.number(wave.workingDays), f.number(wave.clients), f.number(wave.calls), f.money(wave.cost)]),
  )
  heading(ctx, w.rollout.figures, 11)
  const show = (value: number | null, format: 'decimal' | 'money' | 'percent') => (format === 'money' ? f.money(value) : format === 'percent' ? f.percent(value, 1) : f.number(value, 1))
  drawPdfTable(
    doc,
    [{ label: w.rollout.measure, width: PAGE_WIDTH - 300 }, { label: w.rollout.plan, width: 150, align: 'right' }, { label: w.rollout.full, width: 150, align: 'right' }],
    rolloutFigures(lang).map(([key, label, format]) => [label, show(plan.case[key], format), show(plan.caseFullReach[key], format)]),
  )
}

/** "CODE · 2 / 4" at the foot of each page. */
function numberPages(ctx: Context): void {
  const { doc, report } = ctx
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font('regular').fontSize(7).fillColor('#868e96').text(`${report.program.code} · ${i + 1} / ${range.count}`, 40, doc.page.height - 26, { width: PAGE_WIDTH, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}
