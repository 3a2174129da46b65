import { type Reason, type ReasonCode, type ReasonParamName, type ReasonValue } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { isRecordId } from '../../contract/record-id.ts'
import type { Condition, Rule } from '../../contract/rule.ts'
import { CHANNELS } from '../../contract/channels.ts'
import { FIELD_BY_NAME } from './rule-catalogue.ts'
import type { FieldDefinition } from '../../contract/rule-field-definition.ts'

// Limits that keep a hostile or broken rule from costing the database anything.
export const RULE_LIMITS = { depth: 12, nodes: 400, listValues: 1000, codeLength: 64 } as const
const CODE = /^[A-Za-z0-9_.\-]+$/

/**
 * Validates untrusted JSON against the rule catalogue and returns a clean rule tree (unknown keys
 * dropped). Throws DomainError('invalid_input') whose details.path names the bad part: `all[2].value`.
 */
export function parseRule(input: unknown): Rule {
  const counter = { nodes: 0 }
  return parseNode(input, '', 0, counter)
}

type RuleParams<C extends ReasonCode> = Omit<{ [P in ReasonParamName<C>]: ReasonValue }, 'path'>

/** Refuses the part at `path` with a `rule.*` reason; the English message starts with the path. */
function fail<C extends ReasonCode>(path: string, message: string, code: C, params?: RuleParams<C>): never {
  const where = path || 'rule'
  throw new DomainError('invalid_input', `${where}: ${message}`, { code, path: where, ...params } as Reason)
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

function parseNode(input: unknown, path: string, depth: number, counter: { nodes: number }): Rule {
  if (depth > RULE_LIMITS.depth) fail(path, `rules may nest at most ${RULE_LIMITS.depth} levels`, 'rule.too_deep', { limit: RULE_LIMITS.depth })
  if (++counter.nodes > RULE_LIMITS.nodes) fail(path, `a rule may have at most ${RULE_LIMITS.nodes} parts`, 'rule.too_many_parts', { limit: RULE_LIMITS.nodes })
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(path, 'must be an object', 'rule.not_object')
  const node = input as Record<string, unknown>
  const keys = ['all', 'any', 'not', 'field'].filter((k) => k in node)
  if (keys.length !== 1) fail(path, 'must have exactly one of "all", "any", "not" or "field"', 'rule.one_key')
  const [key] = keys
  if (key === 'all' || key === 'any') {
    const list = node[key]
    const listPath = join(path, key)
    if (!Array.isArray(list)) fail(listPath, 'must be a list of rules', 'rule.not_list')
    if (list.length === 0) fail(listPath, 'must not be empty', 'rule.empty_group')
    const children = list.map((child, i) => parseNode(child, `${listPath}[${i}]`, depth + 1, counter))
    return key === 'all' ? { all: children } : { any: children }
  }
  if (key === 'not') return { not: parseNode(node.not, join(path, 'not'), depth + 1, counter) }
  return parseCondition(node, path)
}

function parseCondition(node: Record<string, unknown>, path: string): Condition {
  const { field: fieldName, op } = node
  if (typeof fieldName !== 'string' || !FIELD_BY_NAME.has(fieldName)) {
    const shown = String(fieldName).slice(0, 40)
    fail(join(path, 'field'), `unknown field ${JSON.stringify(shown)}`, 'rule.unknown_field', { field: shown })
  }
  const field = FIELD_BY_NAME.get(fieldName)!
  if (typeof op !== 'string' || !field.ops.includes(op)) {
    fail(join(path, 'op'), `the field ${field.name} takes ${field.ops.join(', ')}`, 'rule.op_not_allowed', { field: field.name, ops: field.ops.join(', ') })
  }
  const condition: Condition = { field: field.name, op }
  const value = parseValue(field, op, node.value, join(path, 'value'))
  if (value !== undefined) condition.value = value
  parseQualifiers(field, node, path, condition)
  return condition
}

function parseValue(field: FieldDefinition, op: string, value: unknown, path: string): Condition['value'] {
  if (['is_true', 'is_false', 'is_null', 'not_null'].includes(op)) {
    if (value !== undefined) fail(path, `${op} takes no value`, 'rule.takes_no_value', { op })
    return undefined
  }
  switch (field.kind) {
    case 'number':
      return op === 'between' ? parseRange(field, value, path) : parseNumber(field, value, path)
    case 'recency':
      return parseNumber(field, value, path)
    case 'membership':
      if (!isRecordId(value)) fail(path, 'must be the id of a saved selection', 'rule.not_selection_id')
      return value as number
    case 'enum':
    case 'code':
    case 'holds':
    case 'channel':
      return op === 'in' || op === 'not_in' ? parseList(field, value, path) : parseCode(field, value, path)
    case 'boolean':
      return fail(path, `use is_true or is_false`, 'rule.boolean_op')
  }
}

function parseNumber(field: FieldDefinition, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a number', 'rule.not_number')
  const [min, max] = field.range ?? [-Infinity, Infinity]
  if (value < min || value > max) fail(path, `must be between ${min} and ${max}`, 'rule.out_of_range', { min, max })
  return value
}

function parseRange(field: FieldDefinition, value: unknown, path: string): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) fail(path, 'between takes [min, max]', 'rule.between_pair')
  const low = parseNumber(field, value[0], `${path}[0]`)
  const high = parseNumber(field, value[1], `${path}[1]`)
  if (low > high) fail(path, 'min must not exceed max', 'rule.min_over_max')
  return [low, high]
}

function parseCode(field: FieldDefinition, value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'must be a non-empty string', 'rule.no_value')
  if (field.values) {
    if (!field.values.includes(value)) fail(path, `must be one of ${field.values.join(', ')}`, 'rule.not_allowed', { allowed: field.values.join(', ') })
    return value
  }
  if (value.length > RULE_LIMITS.codeLength || !CODE.test(value)) {
    fail(path, `must be a code of letters, digits, "_", "-" or "." (at most ${RULE_LIMITS.codeLength})`, 'rule.bad_code', { maxLength: RULE_LIMITS.codeLength })
  }
  return value
}

function parseList(field: FieldDefinition, value: unknown, path: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) fail(path, 'must be a non-empty list', 'rule.no_value')
  if (value.length > RULE_LIMITS.listValues) fail(path, `may list at most ${RULE_LIMITS.listValues} values`, 'rule.too_many_values', { limit: RULE_LIMITS.listValues })
  return [...new Set(value.map((v, i) => parseCode(field, v, `${path}[${i}]`)))]
}

function parseQualifiers(field: FieldDefinition, node: Record<string, unknown>, path: string, condition: Condition): void {
  for (const key of ['channel', 'program'] as const) {
    if (node[key] === undefined) continue
    if (!field.qualifiers?.includes(key)) fail(join(path, key), `the field ${field.name} takes no ${key}`, 'rule.no_qualifier', { field: field.name, qualifier: key })
    if (key === 'channel') {
      if (!CHANNELS.includes(node.channel as never)) fail(join(path, key), `must be one of ${CHANNELS.join(', ')}`, 'rule.not_allowed', { allowed: CHANNELS.join(', ') })
      condition.channel = node.channel as Condition['channel']
    } else {
      condition.program = parseCode({ ...field, values: undefined }, node.program, join(path, key))
    }
  }
}
