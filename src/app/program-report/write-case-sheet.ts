import type ExcelJS from 'exceljs'
import type { Language } from '../../contract/language.ts'
import { kopecksFromRoubles } from '../../core/program/kopecks.ts'
import { priceVerdict } from '../../core/program/price-verdict.ts'
import { reportWords, responseTypeWord } from '../../core/program-report/report-words.ts'
import type { ProgramCase } from '../program/compute-program-case.ts'
import type { ProgramVerdictView } from '../program/judge-program.ts'
import type { ReportCaseInput } from './build-program-report.ts'
import { formula, header, kopeckRound, put, title } from './report-cells.ts'

/** Where the summary finds the case's totals. */
export type CaseCells = { npv: string; totalCost: string; profit: string; roi: string; breakEvenUplift: string }

/**
 * The business case as a live sheet: the assumptions as values, everything computed from them as
 * formulas Excel recomputes — the contacted clients, the channels' costs, the cash flows rounded to
 * the kopeck and discounted year by year, their SUMs (profit and NPV), ROI and the break-even
 * uplift — each with our own result cached, kopeck for kopeck. The tornado's bars are whole
 * recomputations of the case, so they are values. Then the pilot's plan against its actuals,
 * the differences as formulas.
 */
export function writeCaseSheet(sheet: ExcelJS.Worksheet, input: { case: ProgramCase; assumptions: ReportCaseInput; verdict: ProgramVerdictView | undefined; lang: Language }): CaseCells {
  const { case: c, assumptions: a, lang } = input
  const w = reportWords(lang)
  sheet.columns = [{ width: 44 }, { width: 20 }, { width: 20 }, { width: 24 }, { width: 20 }]
  title(sheet, 'A1', `${w.sheets.case}: ${c.program}`, 14)

  title(sheet, 'A3', w.caseInputs)
  const inputs: [keyof typeof w.inputs, number, 'count' | 'percent' | 'money' | 'decimal'][] = [
    ['audience', a.audience, 'count'],
    ['controlShare', a.controlShare, 'percent'],
    ['responseRateTarget', a.responseRateTarget, 'percent'],
    ['responseRateControl', a.responseRateControl, 'percent'],
    ['conversion', a.conversion, 'percent'],
    ['netPerYear', a.netPerYear, 'money'],
    ['lifetimeYears', a.lifetimeYears, 'decimal'],
    ['discountRate', a.discountRate, 'percent'],
    ['horizonYears', a.horizonYears, 'count'],
    ['fixedCosts', a.fixedCosts, 'money'],
  ]
  const at: Record<string, string> = {}
  inputs.forEach(([key, value, format], i) => {
    put(sheet, `A${4 + i}`, w.inputs[key], 'text', lang)
    put(sheet, `B${4 + i}`, value, format, lang)
    at[key] = `$B$${4 + i}`
  })

  // The outputs sit below the channels; the channels' cost formulas refer to the contacted cell.
  const channelsHeader = 4 + inputs.length + 1
  const firstChannel = channelsHeader + 1
  const lastChannel = firstChannel + Math.max(a.channelCosts.length, 1) - 1
  const outputsTitle = lastChannel + 2
  const row = (i: number) => outputsTitle + 1 + i
  const out = {
    contacted: `$B$${row(0)}`, uplift: `$B$${row(1)}`, responders: `$B$${row(2)}`, products: `$B$${row(3)}`, contactCost: `$B$${row(4)}`, totalCost: `$B$${row(5)}`,
    valuePerProduct: `$B$${row(6)}`, npv: `$B$${row(7)}`, profit: `$B$${row(8)}`, roi: `$B$${row(9)}`, breakEven: `$B$${row(10)}`, payback: `$B$${row(11)}`,
  }

  header(sheet, channelsHeader, [w.channelCosts.channel, w.channelCosts.costPerContact, w.channelCosts.contactsPerClient, w.channelCosts.cost])
  a.channelCosts.forEach((channel, i) => {
    const r = firstChannel + i
    put(sheet, `A${r}`, w.channels[channel.channel], 'text', lang)
    put(sheet, `B${r}`, channel.costPerContact, 'money', lang)
    put(sheet, `C${r}`, channel.contactsPerClient, 'decimal', lang)
    put(sheet, `D${r}`, formula(kopeckRound(`B${r}*${out.contacted}*C${r}`), channelCost(channel, c.contacted)), 'money', lang)
  })

  // Cash flows: below the outputs. Year 0 is the cost; years 1… the margin of the incremental products.
  const flowsTitle = row(12) + 1
  const flowsHeader = flowsTitle + 1
  const firstFlow = flowsHeader + 1
  const lastFlow = firstFlow + c.cashFlows.length - 1
  const totalFlow = lastFlow + 1
  // Σ share of year ÷ discount factor over the margin years: one product's value per rouble of margin a year.
  const sumProduct = c.cashFlows.length > 1 ? `SUMPRODUCT(B${firstFlow + 1}:B${lastFlow}/D${firstFlow + 1}:D${lastFlow})` : '0'

  title(sheet, `A${outputsTitle}`, w.outputs.title)
  const outputs: [string, { formula: string; result: number } | number | string | null, 'count' | 'percent' | 'money' | 'decimal' | 'rate' | 'text'][] = [
    [w.outputs.contacted, formula(`${at.audience}*(1-${at.controlShare})`, c.contacted), 'decimal'],
    [w.outputs.uplift, formula(`${at.responseRateTarget}-${at.responseRateControl}`, c.uplift), 'percent'],
    [w.outputs.incrementalResponders, formula(`${out.contacted}*${out.uplift}`, c.incrementalResponders), 'decimal'],
    [w.outputs.incrementalProducts, formula(`${out.responders}*${at.conversion}`, c.incrementalProducts), 'decimal'],
    [w.outputs.contactCost, formula(`SUM(D${firstChannel}:D${lastChannel})`, c.contactCost), 'money'],
    [w.outputs.totalCost, formula(`${at.fixedCosts}+${out.contactCost}`, c.totalCost), 'money'],
    [w.outputs.valuePerProduct, formula(kopeckRound(`${at.netPerYear}*${sumProduct}`), c.valuePerProduct), 'money'],
    [w.outputs.npv, formula(`E${totalFlow}`, c.npv), 'money'],
    [w.outputs.profit, formula(`C${totalFlow}`, c.profit), 'money'],
    [w.outputs.roi, c.roi === null ? null : formula(`${out.npv}/${out.totalCost}`, c.roi), 'percent'],
    [w.outputs.breakEvenUplift, c.breakEvenUplift === null ? null : formula(`${out.totalCost}/(${out.contacted}*${at.conversion}*${at.netPerYear}*${sumProduct})`, c.breakEvenUplift), 'percent'],
    [w.outputs.paybackYears, c.paybackYears ?? w.outputs.never, c.paybackYears === null ? 'text' : 'decimal'],
  ]
  outputs.forEach(([label, value, format], i) => {
    put(sheet, `A${row(i)}`, label, 'text', lang)
    put(sheet, `B${row(i)}`, value, format, lang)
  })

  title(sheet, `A${flowsTitle}`, w.flows.title)
  header(sheet, flowsHeader, [w.flows.year, w.flows.share, w.flows.flow, w.flows.factor, w.flows.discounted])
  c.cashFlows.forEach((flow, i) => {
    const r = firstFlow + i
    put(sheet, `A${r}`, flow.year, 'count', lang)
    put(sheet, `D${r}`, formula(`(1+${at.discountRate})^A${r}`, (1 + a.discountRate) ** flow.year), 'rate', lang)
    if (flow.year === 0) {
      put(sheet, `C${r}`, formula(`-${out.totalCost}`, flow.flow), 'money', lang)
      put(sheet, `E${r}`, formula(`C${r}`, flow.discounted), 'money', lang)
      return
    }
    put(sheet, `B${r}`, formula(`MIN(1,${at.lifetimeYears}-(A${r}-1))`, Math.min(1, a.lifetimeYears - (flow.year - 1))), 'decimal', lang)
    put(sheet, `C${r}`, formula(kopeckRound(`${at.netPerYear}*${out.products}*B${r}`), flow.flow), 'money', lang)
    put(sheet, `E${r}`, formula(kopeckRound(`C${r}/D${r}`), flow.discounted), 'money', lang)
  })
  put(sheet, `A${totalFlow}`, w.flows.total, 'text', lang).font = { bold: true }
  put(sheet, `C${totalFlow}`, formula(`SUM(C${firstFlow}:C${lastFlow})`, c.profit), 'money', lang).font = { bold: true }
  put(sheet, `E${totalFlow}`, formula(`SUM(E${firstFlow}:E${lastFlow})`, c.npv), 'money', lang).font = { bold: true }

  const tornadoTitle = totalFlow + 2
  title(sheet, `A${tornadoTitle}`, w.tornado.title)
  header(sheet, tornadoTitle + 1, [w.tornado.driver, w.tornado.low, w.tornado.high, w.tornado.swing])
  c.tornado.forEach((bar, i) => {
    const r = tornadoTitle + 2 + i
    put(sheet, `A${r}`, w.drivers[bar.driver], 'text', lang)
    put(sheet, `B${r}`, bar.npvLow, 'money', lang)
    put(sheet, `C${r}`, bar.npvHigh, 'money', lang)
    put(sheet, `D${r}`, formula(`ABS(C${r}-B${r})`, bar.swing), 'money', lang)
  })

  if (input.verdict) writePlanAgainstActual(sheet, { firstRow: tornadoTitle + 3 + c.tornado.length, verdict: input.verdict, case: c, assumptions: a, cells: { ...at, ...out }, lang })
  return { npv: out.npv, totalCost: out.totalCost, profit: out.profit, roi: out.roi, breakEvenUplift: out.breakEven }
}

/** A channel's cost as the core computes it (compute-business-case.ts): cost × contacted × contacts, rounded once. */
function channelCost(channel: ReportCaseInput['channelCosts'][number], contacted: number): number {
  const kopecks = kopecksFromRoubles(channel.costPerContact)!
  return priceVerdict({ incrementalResponders: { estimate: contacted * channel.contactsPerClient, ci: [0, 0] }, conversion: 1, valuePerProduct: kopecks, waveCost: 0 }).incrementalProfit.estimate / 100
}

type PlanInput = { firstRow: number; verdict: ProgramVerdictView; case: ProgramCase; assumptions: ReportCaseInput; cells: Record<string, string>; lang: Language }

/**
 * Per response type of the verdict: what the case planned for this pilot against what it
 * measured — the rates, the uplift, the incremental responders (target members × uplift) and the
 * incremental profit (responders × conversion × value per product − the wave's cost, as the
 * verdict prices it: core/program/price-verdict.ts). Differences are formulas.
 */
function writePlanAgainstActual(sheet: ExcelJS.Worksheet, input: PlanInput): void {
  const { verdict, cells, lang } = input
  const w = reportWords(lang)
  title(sheet, `A${input.firstRow}`, w.planActual.title)
  let r = input.firstRow + 1
  const n = verdict.wave.target
  const valuePerProduct = kopecksFromRoubles(input.case.valuePerProduct)!
  const waveCost = kopecksFromRoubles(verdict.waveCost)!
  for (const response of verdict.responses) {
    header(sheet, r, [`${w.planActual.measure}: ${responseTypeWord(response.type as never, lang)}`, w.planActual.plan, w.planActual.actual, w.planActual.difference])
    const planUplift = input.case.uplift
    const planProfit = priceVerdict({ incrementalResponders: { estimate: n * planUplift, ci: [0, 0] }, conversion: response.conversion, valuePerProduct, waveCost }).incrementalProfit.estimate / 100
    const rows: [string, { formula: string; result: number }, number, 'percent' | 'decimal' | 'money'][] = [
      [w.planActual.rateTarget, formula(cells.responseRateTarget!, input.assumptions.responseRateTarget), response.arms.target.rate, 'percent'],
      [w.planActual.rateControl, formula(cells.responseRateControl!, input.assumptions.responseRateControl), response.arms.control.rate, 'percent'],
      [w.planActual.uplift, formula(cells.uplift!, planUplift), response.uplift, 'percent'],
      [w.planActual.responders, formula(`${n}*B${r + 3}`, n * planUplift), response.incrementalResponders.estimate, 'decimal'],
      [w.planActual.profit, formula(`${kopeckRound(`B${r + 4}*${response.conversion}*${cells.valuePerProduct}`)}-${verdict.waveCost}`, planProfit), response.incrementalProfit.estimate, 'money'],
    ]
    rows.forEach(([label, plan, actual, format], i) => {
      const at = r + 1 + i
      put(sheet, `A${at}`, label, 'text', lang)
      put(sheet, `B${at}`, plan, format, lang)
      put(sheet, `C${at}`, actual, format, lang)
      const difference = format === 'money' ? (kopecksFromRoubles(actual)! - kopecksFromRoubles(plan.result)!) / 100 : actual - plan.result
      put(sheet, `D${at}`, formula(`C${at}-B${at}`, difference), format, lang)
    })
    r += rows.length + 2
  }
}
