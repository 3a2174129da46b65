import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import { encodeRow, featureNames, type FeatureEncoder } from './feature-encoder.ts'
import { fitFeatureEncoder, MAX_TEXT_LEVELS } from './fit-feature-encoder.ts'

// Hand cases: means and population deviations worked by hand, levels counted by hand.
const all = [0, 1, 2, 3]

describe('fitFeatureEncoder', () => {
  it('standardises a numeric column by the training rows only (population deviation), Russian decimals too', () => {
    // Training rows 0–2: 1, 2, 3 → mean 2, std √(2/3). Row 3 (a test row) does not move them.
    const { encoder } = fitFeatureEncoder({ columns: [{ name: 'Сумма', cells: ['1', '2,0', '3', '1 000 000'] }], train: [0, 1, 2] })
    expect(encoder.features).toEqual([{ kind: 'numeric', column: 'Сумма', mean: 2, std: Math.sqrt(2 / 3) }])
    expect(encodeRow(encoder, { Сумма: '3' })[0]).toBeCloseTo(1 / Math.sqrt(2 / 3), 14)
    expect(encodeRow(encoder, { Сумма: 2 })[0]).toBe(0)
  })

  it('one-hot encodes a text column against its most frequent training value; a tie goes to the first in order', () => {
    const { encoder } = fitFeatureEncoder({
      columns: [
        { name: 'City', cells: ['Tver', 'Omsk', 'Tver', 'Kazan'] },
        { name: 'Tie', cells: ['b', 'a', 'b', 'a'] },
      ],
      train: all,
    })
    expect(encoder.features).toEqual([
      { kind: 'text', column: 'City', reference: 'Tver', levels: ['Kazan', 'Omsk'] },
      { kind: 'text', column: 'Tie', reference: 'a', levels: ['b'] },
    ])
    expect(featureNames(encoder)).toEqual(['City=Kazan', 'City=Omsk', 'Tie=b'])
    expect(Array.from(encodeRow(encoder, { City: 'Omsk', Tie: 'b' }))).toEqual([0, 1, 1])
    // A value training never saw reads as the reference: all zeros.
    expect(Array.from(encodeRow(encoder, { City: 'Perm', Tie: 'a' }))).toEqual([0, 0, 0])
  })

  it('a column with one non-number is text; an empty text cell is a level of its own', () => {
    const { encoder } = fitFeatureEncoder({ columns: [{ name: 'Code', cells: ['1', '2', 'x', ''] }], train: all })
    expect(encoder.features[0]).toMatchObject({ kind: 'text', levels: ['1', '2', 'x'], reference: '' })
    expect(featureNames({ version: 1, features: [{ kind: 'text', column: 'R', reference: 'a', levels: [''] }] })).toEqual(['R=(empty)'])
  })

  it('fills an empty numeric cell with the training mean (0 once standardised) and says so', () => {
    const { encoder, warnings } = fitFeatureEncoder({ columns: [{ name: 'Age', cells: ['20', '', '40', ''] }], train: all })
    expect(encoder.features).toEqual([{ kind: 'numeric', column: 'Age', mean: 30, std: 10 }])
    expect(warnings).toEqual([{ code: 'model.missing_filled', column: 'Age', count: 2 }])
    expect(encodeRow(encoder, { Age: '' })[0]).toBe(0)
    expect(encodeRow(encoder, { Age: null })[0]).toBe(0)
  })

  it('leaves out a column that is constant over the training rows, with a warning', () => {
    const { encoder, warnings } = fitFeatureEncoder({
      columns: [
        { name: 'Bank', cells: ['ours', 'ours', 'ours', 'theirs'] },
        { name: 'Flag', cells: ['1', '1', '1', '0'] },
        { name: 'Blank', cells: ['', '', '', ''] },
      ],
      train: [0, 1, 2],
    })
    expect(encoder.features).toEqual([])
    expect(warnings).toEqual([
      { code: 'model.constant_dropped', column: 'Bank', value: 'ours' },
      { code: 'model.constant_dropped', column: 'Flag', value: '1' },
      { code: 'model.constant_dropped', column: 'Blank', value: '' },
    ])
  })

  it(`refuses a text column of more than ${MAX_TEXT_LEVELS} values, naming it`, () => {
    const cells = Array.from({ length: MAX_TEXT_LEVELS + 1 }, (_, i) => `name ${i}`)
    const fit = () => fitFeatureEncoder({ columns: [{ name: 'Surname', cells }], train: cells.map((_, i) => i) })
    expect(fit).toThrow(DomainError)
    expect(fit).toThrow(/Surname has 101 distinct values.*--drop Surname/)
  })

  it('is plain JSON: a saved encoder encodes a new row as the original does, and refuses a non-number', () => {
    const { encoder } = fitFeatureEncoder({ columns: [{ name: 'Income', cells: ['10', '20', '60'] }, { name: 'Sex', cells: ['F', 'M', 'F'] }], train: [0, 1, 2] })
    const saved = JSON.parse(JSON.stringify(encoder)) as FeatureEncoder
    const row = { Income: '35,5', Sex: 'M' }
    expect(encodeRow(saved, row)).toEqual(encodeRow(encoder, row))
    expect(() => encodeRow(saved, { Income: 'много', Sex: 'F' })).toThrow(/Income is “много”, not a number/)
  })
})
