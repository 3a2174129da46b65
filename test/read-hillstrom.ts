import { dataSet } from './data-sets.ts'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export const HILLSTROM_FILE = dataSet('hillstrom', 'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv')

export type HillstromArm = { n: number; visit: number[]; conversion: number[]; spend: number[]; history: number[] }

/**
 * Hillstrom's e-mail experiment (../shared/data/hillstrom, see its PROVENANCE.md) by arm: `mens`,
 * `womens` and `control` (No E-Mail), with each customer's visit, conversion, spend and pre-period history.
 */
export function readHillstrom(): Record<'mens' | 'womens' | 'control', HillstromArm> {
  const arms = { 'Mens E-Mail': 'mens', 'Womens E-Mail': 'womens', 'No E-Mail': 'control' } as const
  const empty = (): HillstromArm => ({ n: 0, visit: [], conversion: [], spend: [], history: [] })
  const out = { mens: empty(), womens: empty(), control: empty() }
  const rows: Record<string, string>[] = parse(readFileSync(HILLSTROM_FILE), { columns: true })
  for (const row of rows) {
    const arm = out[arms[row.segment as keyof typeof arms]]
    arm.n++
    for (const column of ['visit', 'conversion', 'spend', 'history'] as const) arm[column].push(Number(row[column]))
  }
  return out
}
