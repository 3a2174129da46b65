import { describe, expect, it } from 'vitest'
import { checkResponseValue } from './check-response-value.ts'

describe('checkResponseValue', () => {
  it.each([
    ['spend', null, 'response.value_required'],
    ['balance', null, 'response.value_required'],
    ['conversion', null, undefined],
    ['reply', null, undefined],
    ['spend', '0', undefined],
    ['spend', '1234.56', undefined],
    ['spend', '1234.560', undefined],
    ['conversion', '500000', undefined],
    ['spend', '-0.01', 'response.negative_value'],
    ['reply', '-5', 'response.negative_value'],
    ['spend', '-0', undefined],
    ['spend', '12.345', 'response.fractional_kopecks'],
    ['spend', '1e-7', 'response.fractional_kopecks'],
  ] as const)('%s with value %s → %s', (type, value, code) => {
    expect(checkResponseValue({ type, value, column: 'Сумма' })?.reason.code).toBe(code)
  })

  it('names the column and the type', () => {
    expect(checkResponseValue({ type: 'spend', value: null, column: 'Сумма' })?.reason).toEqual({ code: 'response.value_required', column: 'Сумма', field: 'value', type: 'spend' })
  })
})
