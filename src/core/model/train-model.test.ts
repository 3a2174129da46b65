import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import type { ModelTable } from './model-table.ts'
import { trainModel, type TrainModelInput } from './train-model.ts'

// A hand case. Months 1–3 train, month 4 (a quarter of the rows) tests. In training, mass has 5
// responders of 20 and vip 6 of 10; with almost no penalty (C = 1e6) the fit is the two groups'
// log-odds: intercept logit(0.25) = ln(1/3), vip logit(0.6) − logit(0.25) = ln 4.5. In the test,
// vip scores above mass; its 5 positives (3 vip, 2 mass) against 5 negatives (1 vip, 4 mass)
// give AUC (3·4 + ½·3·1 + ½·2·4) / 25 = 0.7.
function handTable(): ModelTable {
  const rows: string[][] = []
  const add = (month: number, segment: string, yes: number, no: number) => {
    for (let i = 0; i < yes; i++) rows.push([String(month), segment, 'ours', 'yes'])
    for (let i = 0; i < no; i++) rows.push([String(month), segment, 'ours', 'no'])
  }
  add(1, 'mass', 2, 5), add(2, 'mass', 2, 5), add(3, 'mass', 1, 5)
  add(1, 'vip', 2, 2), add(2, 'vip', 2, 1), add(3, 'vip', 2, 1)
  add(4, 'mass', 2, 4), add(4, 'vip', 3, 1)
  return { headers: ['Month', 'Segment', 'Bank', 'Responded'], rows: rows.map((cells, i) => ({ line: i + 2, cells })) }
}

const base: TrainModelInput = { table: handTable(), label: 'Responded', split: { kind: 'time', column: 'Month' }, testShare: 0.25, seed: 42, C: 1e6 }

describe('trainModel', () => {
  it('fits the hand case to its log-odds, tests on the latest month and drops the constant column with a warning', () => {
    const model = trainModel(base)
    expect(model.nTrain).toBe(30)
    expect(model.nTest).toBe(10)
    expect(model.intercept).toBeCloseTo(Math.log(1 / 3), 5)
    expect(Object.keys(model.coefficients)).toEqual(['Segment=vip'])
    expect(model.coefficients['Segment=vip']).toBeCloseTo(Math.log(4.5), 5)
    expect(model.auc).toBeCloseTo(0.7, 12)
    expect(model.label).toEqual({ column: 'Responded', positive: 'yes', negative: 'no' })
    expect(model.warnings).toEqual([{ code: 'model.constant_dropped', column: 'Bank', value: 'ours' }])
    // Two distinct predictions: the deciles collapse to two bins, mass then vip.
    expect(model.calibration.map((bin) => [bin.n, bin.observed])).toEqual([[6, 2 / 6], [4, 3 / 4]])
  })

  it('splits stratified by the label with the seed, the same every time', () => {
    const stratified = { ...base, split: { kind: 'stratified' } as const, testShare: 0.3 }
    const once = trainModel(stratified)
    expect(once.nTest).toBe(Math.round(16 * 0.3) + Math.round(24 * 0.3))
    expect(trainModel(stratified).split).toEqual(once.split)
  })

  const table = handTable()
  const withRow = (line: number, cells: string[]): ModelTable => ({ headers: table.headers, rows: table.rows.map((r) => (r.line === line ? { line, cells } : r)) })
  const relabel = (to: (i: number) => string): ModelTable => ({ headers: table.headers, rows: table.rows.map((r, i) => ({ line: r.line, cells: [...r.cells.slice(0, 3), to(i)] })) })

  it.each([
    ['an unknown label', { label: 'Churn' }, 'model.unknown_column', /no column “Churn” \(named in --label\); the file has: Month, Segment, Bank, Responded/],
    ['an unknown column to drop', { drop: ['Segment', 'Age'] }, 'model.unknown_column', /“Age” \(named in --drop\)/],
    ['an unknown time column', { split: { kind: 'time', column: 'Date' } }, 'model.unknown_column', /“Date” \(named in --split\)/],
    ['a label that is no yes/no', { table: withRow(7, ['1', 'mass', 'ours', 'maybe']) }, 'model.bad_label', /Line 7: the label Responded is “maybe”; expected yes\/no, 1\/0 or true\/false/],
    ['an empty label', { table: withRow(9, ['1', 'mass', 'ours', '']) }, 'model.bad_label', /Line 9: the label Responded is “”/],
    ['a label of one class', { table: relabel(() => 'no') }, 'model.one_class', /one class only \(every row is “no”\)/],
    ['too few positives', { table: relabel((i) => (i < 9 ? '1' : '0')) }, 'model.too_few_in_class', /9 rows of “1”; a model needs at least 10 of each class/],
    ['a short row', { table: withRow(5, ['1', 'mass']) }, 'model.field_count', /Line 5 has 2 fields, but the header has 4/],
    ['a time that is not one', { table: withRow(4, ['March', 'mass', 'ours', 'yes']) }, 'model.bad_time', /Line 4: the time column Month is “March”/],
    ['a test part of one class', { table: relabel((i) => (i >= 30 ? 'no' : i % 2 === 0 ? 'yes' : 'no')) }, 'model.part_lacks_class', /The test part has no rows of “yes”/],
    ['nothing to learn from', { drop: ['Segment'] }, 'model.no_features', /No column is left to predict Responded/],
    ['a test share of 1.5', { testShare: 1.5 }, 'model.bad_test_share', /--test-share must be strictly between 0 and 1; got 1.5/],
    ['a negative seed', { seed: -1 }, 'model.bad_seed', /--seed must be a whole number/],
    ['a header twice', { table: { headers: ['Month', 'Segment', 'Segment', 'Responded'], rows: table.rows } }, 'model.duplicate_column', /“Segment” appears twice/],
    ['the label as the time', { split: { kind: 'time', column: 'Responded' } }, 'model.time_is_label', /cannot be the label/],
  ] as const)('refuses %s, naming it', (_, change, code, message) => {
    const train = () => trainModel({ ...base, ...change } as TrainModelInput)
    expect(train).toThrow(DomainError)
    expect(train).toThrow(message)
    try {
      train()
    } catch (error) {
      expect((error as DomainError).details.code).toBe(code)
      expect((error as DomainError).code).toBe('invalid_input')
    }
  })

  it('leaves out the empty columns of trailing delimiters and names a blank header over data by its place', () => {
    const padded: ModelTable = {
      headers: ['Month', '', 'Segment', 'Bank', 'Responded', '', ''],
      rows: table.rows.map((r, i) => ({ line: r.line, cells: [r.cells[0], i % 2 === 0 ? 'a' : 'b', ...r.cells.slice(1), '', ''] })),
    }
    const model = trainModel({ ...base, table: padded })
    expect(Object.keys(model.coefficients)).toEqual(['(column 2)=b', 'Segment=vip'])
    expect(model.warnings).toEqual([{ code: 'model.constant_dropped', column: 'Bank', value: 'ours' }])
  })

  it('refuses a row the reader could not read, with its line', () => {
    const broken = { headers: table.headers, rows: [...table.rows, { line: 99, cells: ['4', 'vip', 'ours', 'yes'], problem: { message: 'text after a closing quote', details: { code: 'import.stray_quote' } } }] }
    expect(() => trainModel({ ...base, table: broken })).toThrow(/Line 99 cannot be read: text after a closing quote/)
  })
})
