import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateRule } from '../src/core/selection/evaluate-rule.ts'
import { parseRule } from '../src/core/selection/parse-rule.ts'
import { FIELD_BY_NAME } from '../src/core/selection/rule-catalogue.ts'
import {
  adaptValue,
  appendChild,
  newCondition,
  newGroup,
  nodeAtPath,
  removeNode,
  ruleToTree,
  treeToRule,
  updateNode,
  type ConditionNode,
} from '../web/src/features/selections/rule-tree.ts'
import { arbitraryProfile, arbitraryRule, TEST_PRODUCTS, TEST_TODAY } from './arbitrary-rule.ts'

// The rule builder's tree and the API's rule JSON: a rule read into the builder and written back
// selects the same clients, and a server error path finds the row it names.

const context = { today: TEST_TODAY, productBits: new Map(TEST_PRODUCTS.map((code, i) => [code, i])), selections: new Map() }
const condition = (patch: Partial<ConditionNode>): ConditionNode => ({ ...newCondition(), ...patch })

describe('rule tree', () => {
  it('writes back any rule it reads, selecting the same clients (property, evaluated by the reference evaluator)', () => {
    fc.assert(
      fc.property(arbitraryRule, fc.array(arbitraryProfile, { minLength: 20, maxLength: 20 }), (rule, rows) => {
        const { rule: written, incomplete } = treeToRule(ruleToTree(rule), FIELD_BY_NAME)
        expect(incomplete.size).toBe(0)
        const parsed = parseRule(written)
        rows.forEach((row, i) => {
          const profile = { ...row, client_id: i + 1 }
          expect(evaluateRule(parsed, profile, context)).toBe(evaluateRule(rule, profile, context))
        })
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it('keeps a group root exactly as it was', () => {
    const rule = { any: [{ field: 'age', op: 'between', value: [25, 45] }, { not: { field: 'vip', op: 'is_true' } }] }
    expect(treeToRule(ruleToTree(rule), FIELD_BY_NAME).rule).toEqual(rule)
  })

  it('names the paths of negated groups and conditions as the parser does', () => {
    const bad = condition({ field: 'age', op: 'gte', value: 200, negate: true })
    const inner = newGroup('any', [condition({ field: 'vip', op: 'is_true' }), bad])
    const root = { ...newGroup('all', [condition({ field: 'segment', op: 'in', value: ['mass'] }), inner]), negate: true }
    const { rule, paths } = treeToRule(root, FIELD_BY_NAME)
    let path = ''
    try {
      parseRule(rule)
    } catch (error) {
      path = (error as { details: { path: string } }).details.path
    }
    expect(path).toBe('not.all[1].any[1].not.value')
    expect(nodeAtPath(paths, path)).toEqual({ nodeId: bad.id, part: 'value' })
  })

  it.each([
    ['all[1].any[0].value', 'c', 'value'],
    ['all[1].any[0].value[1]', 'c', 'value'],
    ['all[1].any[0].op', 'c', 'op'],
    ['all[1].any', 'g', null],
    ['all', 'root', null],
    ['rule', 'root', null],
    ['all[0]', 'a', null],
  ])('maps the error path %s to its node', (path, node, part) => {
    const a = condition({ field: 'vip', op: 'is_true' })
    const c = condition({ field: 'age' })
    const g = newGroup('any', [c])
    const root = newGroup('all', [a, g])
    const ids: Record<string, string> = { a: a.id, c: c.id, g: g.id, root: root.id }
    expect(nodeAtPath(treeToRule(root, FIELD_BY_NAME).paths, path)).toEqual({ nodeId: ids[node], part })
  })

  it('marks unfinished conditions and empty groups, and leaves out qualifiers left empty', () => {
    const noValue = condition({ field: 'age', op: 'between', value: [18, null] })
    const empty = newGroup('any', [])
    const done = condition({ field: 'contacted', op: 'within_days', value: 30, channel: null, program: '  ' })
    const { rule, incomplete } = treeToRule(newGroup('all', [noValue, empty, done, condition({})]), FIELD_BY_NAME)
    expect(incomplete.has(noValue.id)).toBe(true)
    expect(incomplete.has(empty.id)).toBe(true)
    expect(incomplete.has(done.id)).toBe(false)
    expect(incomplete.size).toBe(3)
    expect((rule as { all: unknown[] }).all[2]).toEqual({ field: 'contacted', op: 'within_days', value: 30 })
  })

  it('adds, changes and removes nodes without touching the others', () => {
    const first = condition({ field: 'vip', op: 'is_true' })
    const root = newGroup('all', [first])
    const added = newCondition()
    const grown = appendChild(root, root.id, added)
    expect(grown.children.map((c) => c.id)).toEqual([first.id, added.id])
    const changed = updateNode(grown, added.id, (node) => ({ ...node, negate: true }))
    expect(changed.children[0]).toBe(first)
    expect(changed.children[1]!.negate).toBe(true)
    expect(removeNode(changed, first.id).children.map((c) => c.id)).toEqual([added.id])
  })

  it.each([
    ['CC', 'single', 'list', ['CC']],
    [['CC', 'DC'], 'list', 'single', 'CC'],
    [30, 'number', 'range', [30, null]],
    [[30, 40], 'range', 'number', 30],
    [30, 'number', 'none', null],
    ['CC', 'single', 'range', [null, null]],
  ] as const)('adapts the value %j from %s to %s', (value, from, to, expected) => {
    expect(adaptValue(value as never, from, to)).toEqual(expected)
  })
})
