import type ExcelJS from 'exceljs'
import type { Language } from '../../contract/language.ts'
import { escapeFormula } from '../../core/escape-formula.ts'

// The cells the report's sheets are made of: text escaped against formula injection
// (core/escape-formula.ts), numbers with the bank's formats, formulas with their cached results.

export type CellValue = string | number | null | { formula: string; result: number }
export type CellFormat = 'money' | 'percent' | 'count' | 'decimal' | 'rate' | 'text'

export const numberFormats = (lang: Language): Record<CellFormat, string | undefined> => ({
  money: lang === 'ru' ? '#,##0.00\\ "₽";\\-#,##0.00\\ "₽"' : '"₽"#,##0.00;\\-"₽"#,##0.00',
  percent: '0.00%',
  count: '#,##0',
  decimal: '#,##0.00',
  rate: '0.00000',
  text: undefined,
})

export const formula = (text: string, result: number) => ({ formula: text, result })

/**
 * Rounds an amount in roubles to the kopeck, a tie to the even kopeck, as Otklik does
 * (core/program/kopecks.ts, roundHalfEven): Excel's ROUND sends a tie away from zero, so a tie
 * (within a few units in the last place, as the core counts it) is rounded as 2 × ROUND(x / 2).
 */
export function kopeckRound(expression: string): string {
  const k = `(${expression})*100`
  return `IF(ABS(MOD(${k},1)-0.5)<=4E-15*MAX(1,ABS(${k})),2*ROUND((${expression})*50,0),ROUND(${k},0))/100`
}

/** Writes one cell: user text escaped, a number or formula with its format. */
export function put(sheet: ExcelJS.Worksheet, address: string, value: CellValue, format: CellFormat, lang: Language): ExcelJS.Cell {
  const cell = sheet.getCell(address)
  cell.value = typeof value === 'string' ? escapeFormula(value) : value
  const numFmt = numberFormats(lang)[format]
  if (numFmt) cell.numFmt = numFmt
  return cell
}

/** A header row: bold, on a light fill. */
export function header(sheet: ExcelJS.Worksheet, row: number, labels: readonly string[], firstColumn = 1): void {
  labels.forEach((label, i) => {
    const cell = sheet.getCell(row, firstColumn + i)
    cell.value = escapeFormula(label)
    cell.font = { bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF5' } }
    cell.alignment = { wrapText: true, vertical: 'top' }
  })
}

export function title(sheet: ExcelJS.Worksheet, address: string, text: string, size = 12): void {
  const cell = sheet.getCell(address)
  cell.value = escapeFormula(text)
  cell.font = { bold: true, size }
}

/** A column letter: 1 → A. */
export const col = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : col(Math.floor((n - 1) / 26)) + col(((n - 1) % 26) + 1))

/** A reference to a cell on another sheet: 'Бизнес-кейс'!B5. */
export const on = (sheet: string, address: string) => `'${sheet.replace(/'/g, "''")}'!${address}`
