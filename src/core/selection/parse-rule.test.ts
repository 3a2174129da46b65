import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import { parseRule } from './parse-rule.ts'

function pathOf(input: unknown): string | undefined {
  try {
    parseRule(input)
    return undefined
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    expect(error.code).toBe('invalid_input')
    return error.details.path as string
  }
}

// The reason code the web and the CLI translate (contract/reason-codes.ts).
function codeOf(input: unknown): string | undefined {
  try {
    parseRule(input)
    return undefined
  } catch (error) {
    return (error as DomainError & { details: { code: string } }).details.code
  }
}

describe('parseRule', () => {
  it('accepts a rule tree and drops unknown keys', () => {
    const rule = parseRule({
      all: [
        { field: 'age', op: 'between', value: [25, 45], note: 'ignored' },
        { any: [{ field: 'segment', op: 'in', value: ['mass', 'mass_affluent', 'mass'] }, { field: 'vip', op: 'is_true' }] },
        { not: { field: 'product_type', op: 'holds', value: 'credit_card' } },
        { field: 'contacted', op: 'not_within_days', value: 30, channel: 'sms' },
      ],
    })
    expect(rule).toEqual({
      all: [
        { field: 'age', op: 'between', value: [25, 45] },
        { any: [{ field: 'segment', op: 'in', value: ['mass', 'mass_affluent'] }, { field: 'vip', op: 'is_true' }] },
        { not: { field: 'product_type', op: 'holds', value: 'credit_card' } },
        { field: 'contacted', op: 'not_within_days', value: 30, channel: 'sms' },
      ],
    })
  })

  // Each bad rule is refused with the path of its bad part.
  it.each([
    [{ all: [{ field: 'age', op: 'gte', value: 18 }, { field: 'age', op: 'gte', value: 1 }, { field: 'age', op: 'gte', value: 'x' }] }, 'all[2].value', 'rule.not_number'],
    [{ field: 'age; DROP TABLE clients', op: 'gte', value: 1 }, 'field', 'rule.unknown_field'],
    [{ field: 'age', op: "= 1 OR 1=1 --", value: 1 }, 'op', 'rule.op_not_allowed'],
    [{ field: 'region', op: 'eq', value: "MSK' OR '1'='1" }, 'value', 'rule.bad_code'],
    [{ field: 'segment', op: 'eq', value: 'gold' }, 'value', 'rule.not_allowed'],
    [{ field: 'age', op: 'between', value: [50, 20] }, 'value', 'rule.min_over_max'],
    [{ field: 'age', op: 'gte', value: 1e9 }, 'value', 'rule.out_of_range'],
    [{ field: 'income', op: 'gte', value: Number.NaN }, 'value', 'rule.not_number'],
    [{ any: [] }, 'any', 'rule.empty_group'],
    [{ not: { all: [{ field: 'vip', op: 'is_true', value: 1 }] } }, 'not.all[0].value', 'rule.takes_no_value'],
    [{ all: [{ field: 'age', op: 'gte', value: 1 }], any: [] }, 'rule', 'rule.one_key'],
    [[], 'rule', 'rule.not_object'],
    ['SELECT 1', 'rule', 'rule.not_object'],
    [{ field: 'region', op: 'in', value: Array.from({ length: 5000 }, (_, i) => `R${i}`) }, 'value', 'rule.too_many_values'],
    [{ field: 'contacted', op: 'within_days', value: 7, channel: 'pigeon' }, 'channel', 'rule.not_allowed'],
    [{ field: 'age', op: 'gte', value: 7, program: 'X' }, 'program', 'rule.no_qualifier'],
    [{ field: 'selection', op: 'in', value: '1 OR 1=1' }, 'value', 'rule.not_selection_id'],
  ])('refuses %j at %s with %s', (input, path, code) => {
    expect(pathOf(input)).toBe(path)
    expect(codeOf(input)).toBe(code)
  })

  it('refuses deep nesting and huge trees without recursing without end', () => {
    let deep: unknown = { field: 'vip', op: 'is_true' }
    for (let i = 0; i < 10_000; i++) deep = { not: deep }
    expect(pathOf(deep)).toMatch(/^(not\.){13}not$|^(not\.)+not$/)
    const wide = { any: Array.from({ length: 5000 }, () => ({ field: 'vip', op: 'is_true' })) }
    expect(pathOf(wide)).toMatch(/^any\[\d+\]$/)
  })
})
