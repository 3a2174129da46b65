import type { FieldDefinition, FieldKind, Rule } from './selection-types.ts'

// The rule builder edits a tree with ids (so React keeps focus while rows move) and turns it into
// the rule JSON of the API, remembering where each node sits in that JSON: the server names a bad
// part by its path (`all[2].any[0].value`) and the builder highlights the row it points to.

/** What a value input holds while the user types: numbers may still be missing. */
export type DraftValue = null | number | string | string[] | [number | null, number | null]

export type ConditionNode = {
  id: string
  type: 'condition'
  negate: boolean
  field: string | null
  op: string | null
  value: DraftValue
  /** Qualifiers of recency conditions; null means any. */
  channel: string | null
  program: string
}

export type GroupNode = { id: string; type: 'group'; mode: 'all' | 'any'; negate: boolean; children: RuleNode[] }
export type RuleNode = GroupNode | ConditionNode

/** Which input a condition shows for its value. */
export type ValueShape = 'none' | 'number' | 'range' | 'single' | 'list' | 'days' | 'selection'

export type RuleJsonResult = {
  /** The tree as the API reads it (an empty group stays empty: the server says so). */
  rule: Rule
  /** JSON path → node id; '' is the root. */
  paths: Map<string, string>
  /** Nodes the user has not finished: no field, no value, an empty group. */
  incomplete: Set<string>
}

let sequence = 0
const nextId = () => `n${++sequence}`

export function newCondition(): ConditionNode {
  return { id: nextId(), type: 'condition', negate: false, field: null, op: null, value: null, channel: null, program: '' }
}

export function newGroup(mode: 'all' | 'any' = 'all', children: RuleNode[] = [newCondition()]): GroupNode {
  return { id: nextId(), type: 'group', mode, negate: false, children }
}

const NO_VALUE_OPS = new Set(['is_true', 'is_false', 'is_null', 'not_null'])

export function valueShape(kind: FieldKind, op: string | null): ValueShape {
  if (op === null || NO_VALUE_OPS.has(op)) return 'none'
  switch (kind) {
    case 'number':
      return op === 'between' ? 'range' : 'number'
    case 'recency':
      return 'days'
    case 'membership':
      return 'selection'
    case 'boolean':
      return 'none'
    case 'enum':
    case 'code':
    case 'holds':
    case 'channel':
      return op === 'in' || op === 'not_in' ? 'list' : 'single'
  }
}

/** The operator a field starts with: the one a bank analyst reaches for first. */
export function defaultOp(field: FieldDefinition): string {
  const preferred: Record<FieldKind, string> = {
    number: 'gte',
    enum: 'in',
    code: 'in',
    boolean: 'is_true',
    holds: 'holds',
    channel: 'has',
    recency: 'within_days',
    membership: 'in',
  }
  return field.ops.includes(preferred[field.kind]) ? preferred[field.kind] : field.ops[0]!
}

/** The value kept when the operator changes: kept if it still fits, else adapted or cleared. */
export function adaptValue(value: DraftValue, from: ValueShape, to: ValueShape): DraftValue {
  if (from === to) return value
  if (from === 'single' && to === 'list' && typeof value === 'string') return [value]
  if (from === 'list' && to === 'single' && Array.isArray(value) && typeof value[0] === 'string') return value[0]
  if (from === 'number' && to === 'range' && typeof value === 'number') return [value, null]
  if (from === 'range' && to === 'number' && Array.isArray(value) && typeof value[0] === 'number') return value[0]
  return to === 'range' ? [null, null] : to === 'list' ? [] : null
}

function isComplete(node: ConditionNode, fields: ReadonlyMap<string, FieldDefinition>): boolean {
  const field = node.field ? fields.get(node.field) : undefined
  if (!field || !node.op) return false
  const value = node.value
  switch (valueShape(field.kind, node.op)) {
    case 'none':
      return true
    case 'number':
    case 'days':
    case 'selection':
      return typeof value === 'number' && Number.isFinite(value)
    case 'range':
      return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number'
    case 'single':
      return typeof value === 'string' && value !== ''
    case 'list':
      return Array.isArray(value) && value.length > 0
  }
}

function conditionJson(node: ConditionNode, fields: ReadonlyMap<string, FieldDefinition>): Rule {
  const field = node.field ? fields.get(node.field) : undefined
  const condition: Record<string, unknown> = { field: node.field ?? '', op: node.op ?? '' }
  if (field && valueShape(field.kind, node.op) !== 'none' && node.value !== null) condition.value = node.value
  if (field?.qualifiers?.includes('channel') && node.channel) condition.channel = node.channel
  if (field?.qualifiers?.includes('program') && node.program.trim()) condition.program = node.program.trim()
  return condition as Rule
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key)

export function treeToRule(root: GroupNode, fields: ReadonlyMap<string, FieldDefinition>): RuleJsonResult {
  const paths = new Map<string, string>()
  const incomplete = new Set<string>()
  const visit = (node: RuleNode, path: string): Rule => {
    paths.set(path, node.id)
    // A negated node sits under "not": its own parts are named from there.
    const inner = node.negate ? at(path, 'not') : path
    if (node.negate) paths.set(inner, node.id)
    let rule: Rule
    if (node.type === 'condition') {
      if (!isComplete(node, fields)) incomplete.add(node.id)
      rule = conditionJson(node, fields)
    } else {
      if (node.children.length === 0) incomplete.add(node.id)
      const listPath = at(inner, node.mode)
      const children = node.children.map((child, i) => visit(child, `${listPath}[${i}]`))
      rule = node.mode === 'all' ? { all: children } : { any: children }
    }
    return node.negate ? { not: rule } : rule
  }
  return { rule: visit(root, ''), paths, incomplete }
}

/** The node a server error path points to, and the part of it (value, op, field, channel…). */
export function nodeAtPath(paths: ReadonlyMap<string, string>, errorPath: string): { nodeId: string; part: string | null } | null {
  const path = errorPath === 'rule' ? '' : errorPath
  let best: string | null = null
  for (const candidate of paths.keys()) {
    const prefixes = candidate === '' || path === candidate || path.startsWith(`${candidate}.`) || path.startsWith(`${candidate}[`)
    if (prefixes && (best === null || candidate.length > best.length)) best = candidate
  }
  if (best === null) return null
  const rest = path.slice(best.length).replace(/^\./, '')
  const part = rest.match(/^[a-z]+/)?.[0] ?? null
  return { nodeId: paths.get(best)!, part: part === 'all' || part === 'any' || part === 'not' ? null : part }
}

export class RuleShapeError extends Error {
  constructor(readonly path: string) {
    super(`unreadable rule at ${path || 'rule'}`)
  }
}

/** A rule JSON (pasted, or saved) as a tree; the root is always a group. */
export function ruleToTree(input: unknown): GroupNode {
  const node = readNode(input, '')
  if (node.type === 'group') return node
  return newGroup('all', [node])
}

function readNode(input: unknown, path: string): RuleNode {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new RuleShapeError(path)
  const record = input as Record<string, unknown>
  if ('not' in record) {
    const inner = readNode(record.not, at(path, 'not'))
    // not(not(x)) keeps both: the inner one becomes a negated group of one.
    return inner.negate ? { ...newGroup('all', [inner]), negate: true } : { ...inner, negate: true }
  }
  for (const mode of ['all', 'any'] as const) {
    if (!(mode in record)) continue
    const list = record[mode]
    if (!Array.isArray(list)) throw new RuleShapeError(at(path, mode))
    return newGroup(
      mode,
      list.map((child, i) => readNode(child, `${at(path, mode)}[${i}]`)),
    )
  }
  if (typeof record.field !== 'string') throw new RuleShapeError(path)
  return {
    ...newCondition(),
    field: record.field,
    op: typeof record.op === 'string' ? record.op : null,
    value: readValue(record.value),
    channel: typeof record.channel === 'string' ? record.channel : null,
    program: typeof record.program === 'string' ? record.program : '',
  }
}

function readValue(value: unknown): DraftValue {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((v) => typeof v === 'number')) return [value[0], value[1]]
    return value.map(String)
  }
  return null
}

/** Applies `change` to the node with this id, anywhere in the tree. */
export function updateNode(root: GroupNode, id: string, change: (node: RuleNode) => RuleNode): GroupNode {
  const walk = (node: RuleNode): RuleNode => {
    if (node.id === id) return change(node)
    if (node.type === 'condition') return node
    const children = node.children.map(walk)
    return children.some((child, i) => child !== node.children[i]) ? { ...node, children } : node
  }
  return walk(root) as GroupNode
}

export function removeNode(root: GroupNode, id: string): GroupNode {
  const walk = (group: GroupNode): GroupNode => ({
    ...group,
    children: group.children.filter((child) => child.id !== id).map((child) => (child.type === 'group' ? walk(child) : child)),
  })
  return walk(root)
}

export function appendChild(root: GroupNode, groupId: string, child: RuleNode): GroupNode {
  return updateNode(root, groupId, (node) => (node.type === 'group' ? { ...node, children: [...node.children, child] } : node))
}

/** How many conditions have a field chosen: none means the rule is not started yet. */
export function countConditions(node: RuleNode): number {
  if (node.type === 'condition') return node.field === null ? 0 : 1
  return node.children.reduce((sum, child) => sum + countConditions(child), 0)
}
