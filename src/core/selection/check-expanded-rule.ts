import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { isCondition, type Rule } from '../../contract/rule.ts'

// A rule is small when parsed (parse-rule.ts bounds its own depth and parts), but each saved
// selection it names is compiled inline, and a saved selection may name others: seven selections
// of 400 parts, each naming the previous one 400 times, expand to 400^7 parts. The expanded rule is
// measured here without expanding it (each selection's size is worked out once) and refused above
// these limits, on save, on count and when a wave is built.
export const EXPANDED_RULE_LIMITS = { depth: 24, nodes: 2000 } as const

type Size = { nodes: number; depth: number; heaviest: number[]; deepest: number[] }

/**
 * Throws DomainError('invalid_input', rule.too_large / rule.expanded_too_deep) when the rule, with
 * its saved selections expanded, has more parts or levels than EXPANDED_RULE_LIMITS; the reason
 * names the limit, the size, and the chain of saved selections that makes it so.
 */
export function checkExpandedRule(rule: Rule, selections: ReadonlyMap<number, Rule>): void {
  const size = measure(rule, selections, new Map(), new Set())
  if (size.nodes > EXPANDED_RULE_LIMITS.nodes) {
    const chain = size.heaviest.join(' → ')
    throw new DomainError(
      'invalid_input',
      `${where(chain)}: with its saved selections expanded the rule has ${shown(size.nodes).toLocaleString('en')} parts, at most ${EXPANDED_RULE_LIMITS.nodes} are allowed (selections ${chain})`,
      reason('rule.too_large', { path: pathOf(rule, size.heaviest[0]), limit: EXPANDED_RULE_LIMITS.nodes, nodes: shown(size.nodes), chain }),
    )
  }
  if (size.depth > EXPANDED_RULE_LIMITS.depth) {
    const chain = size.deepest.join(' → ')
    throw new DomainError(
      'invalid_input',
      `${where(chain)}: with its saved selections expanded the rule nests ${size.depth} levels, at most ${EXPANDED_RULE_LIMITS.depth} are allowed (selections ${chain})`,
      reason('rule.expanded_too_deep', { path: pathOf(rule, size.deepest[0]), limit: EXPANDED_RULE_LIMITS.depth, depth: size.depth, chain }),
    )
  }
}

// Sizes past any real rule (a long enough chain overflows to Infinity) are told as the largest safe integer.
function shown(n: number): number {
  return Math.min(n, Number.MAX_SAFE_INTEGER)
}

function where(chain: string): string {
  return chain ? `rule (via selection ${chain.split(' → ')[0]})` : 'rule'
}

function measure(rule: Rule, selections: ReadonlyMap<number, Rule>, memo: Map<number, Size>, visiting: Set<number>): Size {
  const children = 'all' in rule ? rule.all : 'any' in rule ? rule.any : 'not' in rule ? [rule.not] : null
  if (children) {
    const sizes = children.map((child) => measure(child, selections, memo, visiting))
    const heaviest = sizes.reduce((a, b) => (b.nodes > a.nodes ? b : a))
    const deepest = sizes.reduce((a, b) => (b.depth > a.depth ? b : a))
    return { nodes: 1 + sizes.reduce((s, x) => s + x.nodes, 0), depth: 1 + deepest.depth, heaviest: heaviest.heaviest, deepest: deepest.deepest }
  }
  if (!isCondition(rule) || rule.field !== 'selection') return { nodes: 1, depth: 0, heaviest: [], deepest: [] }
  const id = rule.value as number
  const saved = selections.get(id)
  // A missing selection or a cycle is the compiler's to report, with the rule's path.
  if (!saved || visiting.has(id)) return { nodes: 1, depth: 0, heaviest: [], deepest: [] }
  let size = memo.get(id)
  if (!size) {
    visiting.add(id)
    size = measure(saved, selections, memo, visiting)
    visiting.delete(id)
    memo.set(id, size)
  }
  return { nodes: size.nodes, depth: size.depth, heaviest: [id, ...size.heaviest], deepest: [id, ...size.deepest] }
}

/** Where the rule names the selection first (so the rule builder marks that row), or the whole rule. */
function pathOf(rule: Rule, id: number | undefined, path = ''): string {
  const join = (key: string) => (path ? `${path}.${key}` : key)
  if (id === undefined) return 'rule'
  for (const key of ['all', 'any'] as const) {
    if (key in rule) {
      for (const [i, child] of (rule as Record<typeof key, Rule[]>)[key].entries()) {
        const found = pathOf(child, id, join(`${key}[${i}]`))
        if (found !== 'rule') return found
      }
      return 'rule'
    }
  }
  if ('not' in rule) return pathOf(rule.not, id, join('not'))
  return isCondition(rule) && rule.field === 'selection' && rule.value === id ? join('value') : 'rule'
}
