import type { TFunction } from 'i18next'
import type { Formatters } from '../../i18n/create-formatters.ts'

export type AuditDetailLine = { name: string; value: string }
export type DescribeAuditDetailsInput = { t: TFunction; format: Formatters; action: string; details: unknown }

// Values that are codes the UI already names in words: a detail `kind: clients` reads "Клиенты".
const VALUE_WORDS: Record<string, string> = {
  kind: 'importKinds',
  role: 'roles',
  channel: 'channels',
  segment: 'segments',
  status: 'auditValues',
  group: 'auditValues',
  lang: 'auditValues',
  order: 'auditValues',
  scope: 'auditValues',
  sort: 'auditDetails',
  changed: 'auditDetails',
}
// A rule is kept as the exact tree that was counted: it is the evidence, and the auditor may not
// read the selection catalogue that would name its fields.
const VERBATIM = new Set(['rule'])
// PostgreSQL's jsonb keeps keys shortest first, so "after" would come back before "before".
const READING_ORDER: Record<string, number> = { before: -2, after: -1 }
const inReadingOrder = ([a]: [string, unknown], [b]: [string, unknown]) => (READING_ORDER[a] ?? 0) - (READING_ORDER[b] ?? 0)
/** A product's rates (product.update), fractions with up to five decimals: read as percentages, none lost. */
const RATES = new Set(['ftpRate', 'clientRate', 'feeRate', 'probabilityOfDefault', 'lossGivenDefault'])
const percentDigits = (share: number) => [0, 1, 2].find((d) => Math.abs(Math.round(share * 10 ** (d + 2)) - share * 10 ** (d + 2)) < 1e-6) ?? 3
/** Details that are a day ('YYYY-MM-DD'). */
const DAYS = new Set(['asOf', 'today'])

/**
 * An audit event's details as "name: value" lines in the user's language: names and coded values in
 * words, numbers and yes/no as the language writes them, nested objects (a page, a filter, a policy)
 * on one line.
 */
export function describeAuditDetails(input: DescribeAuditDetailsInput): AuditDetailLine[] {
  const { t, format, action, details } = input
  if (!isRecord(details)) return details == null ? [] : [{ name: '', value: String(details) }]
  // A note's kind is a kind of note, an import's a kind of file.
  const note = action === 'note.create'
  const words = note ? { ...VALUE_WORDS, kind: 'noteKinds' } : VALUE_WORDS
  return Object.entries(details).sort(inReadingOrder).map(([key, value]) => ({
    name: detailName(t, note && key === 'kind' ? 'noteKind' : key),
    value: describeValue({ t, format, words, key, value, depth: 0 }),
  }))
}

function detailName(t: TFunction, key: string): string {
  return t(`auditDetails.${key}`, { defaultValue: key })
}

type DescribeValueInput = { t: TFunction; format: Formatters; words: Record<string, string>; key: string; value: unknown; depth: number }

function describeValue(input: DescribeValueInput): string {
  const { t, format, key, value } = input
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'number' && RATES.has(key)) return format.percent(value, percentDigits(value))
  if (typeof value === 'number') return format.number(value, Number.isInteger(value) ? 0 : 2)
  if (typeof value === 'string') {
    if (DAYS.has(key)) return format.date(value)
    if (key === 'format') return value.toUpperCase()
    const words = input.words[key]
    return words ? t(`${words}.${value}`, { defaultValue: value }) : value
  }
  if (Array.isArray(value)) return value.map((item) => describeValue({ ...input, value: item })).join(', ')
  if (VERBATIM.has(key) || !isRecord(value)) return JSON.stringify(value)
  const entries = Object.entries(value).sort(inReadingOrder)
  if (entries.length === 0) return t('audit.nothing')
  // A policy nests caps in channels: the inner level goes in brackets so the levels stay apart.
  const text = entries.map(([name, inner]) => `${detailName(t, name)}: ${describeValue({ ...input, key: name, value: inner, depth: input.depth + 1 })}`)
  return input.depth === 0 ? text.join('; ') : `(${text.join(', ')})`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
