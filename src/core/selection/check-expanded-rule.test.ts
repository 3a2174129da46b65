import { describe, expect, it } from 'vitest'
import { checkExpandedRule, EXPANDED_RULE_LIMITS } from './check-expanded-rule.ts'
import type { Rule } from '../../contract/rule.ts'

const vip: Rule = { field: 'vip', op: 'is_true' }
const ref = (id: number): Rule => ({ field: 'selection', op: 'in', value: id })
const times = (id: number, n: number): Rule => ({ any: Array.from({ length: n }, () => ref(id)) })
const refusal = (rule: Rule, selections: Map<number, Rule>) => {
  try {
    checkExpandedRule(rule, selections)
    return undefined
  } catch (error) {
    return (error as { details: unknown }).details
  }
}

describe('checkExpandedRule', () => {
  it('lets a rule with small saved selections through', () => {
    expect(refusal({ all: [ref(1), ref(1), vip] }, new Map([[1, times(2, 3)], [2, vip]]))).toBeUndefined()
  })

  it('counts the parts of every expansion without expanding: 400 references, seven deep', () => {
    const selections = new Map<number, Rule>([[1, vip]])
    for (let id = 2; id <= 8; id++) selections.set(id, times(id - 1, 400))
    // 1 + 400·(1 + 400·(…)) parts: far past the limit, measured at once.
    expect(refusal(ref(8), selections)).toMatchObject({ code: 'rule.too_large', path: 'value', limit: EXPANDED_RULE_LIMITS.nodes, chain: '8 → 7 → 6 → 5 → 4 → 3 → 2 → 1' })
  })

  it('names where the rule refers to the heavy selection', () => {
    const selections = new Map<number, Rule>([[1, vip], [2, times(1, 2000)]])
    expect(refusal({ all: [vip, { not: ref(1) }, { any: [vip, ref(2)] }] }, selections)).toMatchObject({ path: 'all[2].any[1].value', nodes: 2007, chain: '2 → 1' })
  })

  it('refuses a chain that nests too deep even when it is small', () => {
    const selections = new Map<number, Rule>([[1, vip]])
    for (let id = 2; id <= 6; id++) selections.set(id, { not: { all: [{ not: { any: [ref(id - 1)] } }, vip] } })
    // Each selection adds 4 levels: 5 of them make 20, a sixth makes 24, a seventh 28.
    selections.set(7, { not: { all: [{ not: { any: [ref(6)] } }, vip] } })
    expect(refusal(ref(6), selections)).toBeUndefined()
    expect(refusal(ref(7), selections)).toBeUndefined()
    selections.set(8, { not: { all: [{ not: { any: [ref(7)] } }, vip] } })
    expect(refusal(ref(8), selections)).toMatchObject({ code: 'rule.expanded_too_deep', limit: EXPANDED_RULE_LIMITS.depth, depth: 28, chain: '8 → 7 → 6 → 5 → 4 → 3 → 2 → 1' })
  })

  it('leaves cycles and missing selections to the compiler', () => {
    expect(refusal(ref(1), new Map([[1, ref(2)], [2, ref(1)]]))).toBeUndefined()
    expect(refusal(ref(9), new Map())).toBeUndefined()
  })
})
