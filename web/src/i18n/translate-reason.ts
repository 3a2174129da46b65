import type { TFunction } from 'i18next'
import type { AnyReason } from '../../../src/contract/reason-codes.ts'

// Parameters whose value is itself a code the UI names in words (a role, a channel).
const CODE_PARAMS: Record<string, string> = { role: 'roles', channel: 'channels' }
// A program's moves name statuses, roles and checklist items, some as lists ("pilot, cancelled").
const PROGRAM_PARAMS: Record<string, string> = { status: 'programs.statuses', to: 'programs.statuses', allowed: 'programs.statuses', roles: 'roles', items: 'programs.checklist' }
// Parameters that are a day the server chose ('YYYY-MM-DD'), written as the language writes days.
// A `value` stays as the user typed it: it is what they look for in their file.
const DAY_PARAMS = new Set(['today'])

export type TranslateReasonOptions = {
  /** Shown for a code with no text yet. */
  fallback?: string
  /** A 'YYYY-MM-DD' day in the user's language (useFormatters().date); days stay ISO without it. */
  formatDay?: (day: string) => string
}

// The catalogue's refusals name a term of the product and its type.
const PRODUCT_PARAMS: Record<string, string> = { field: 'catalogue.fields', type: 'productTypes' }

// The pilot design's refusals name its inputs (`uplift`, `control_share` as the CLI spells it).
const PILOT_PARAMS: Record<string, string> = { field: 'programs.pilot.fields' }

function paramPrefix(code: string, name: string): string | undefined {
  const own = code.startsWith('program.') ? PROGRAM_PARAMS : code.startsWith('product.') ? PRODUCT_PARAMS : code.startsWith('stats.') || code.startsWith('pilot.') ? PILOT_PARAMS : undefined
  return own?.[name] ?? CODE_PARAMS[name]
}

/**
 * A server reason (`{ code: 'import.bad_date', column, value }`) in the user's language, from
 * `reasons.<code>` (contract/messages, loaded in i18n.ts).
 */
export function translateReason(t: TFunction, reason: AnyReason, options: TranslateReasonOptions = {}): string {
  const params: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(reason)) {
    const prefix = paramPrefix(reason.code, name)
    if (prefix && typeof value === 'string') {
      params[name] = value
        .split(', ')
        .map((part) => t(`${prefix}.${part}`, { defaultValue: part }))
        .join(', ')
    } else if (DAY_PARAMS.has(name) && typeof value === 'string' && options.formatDay) params[name] = options.formatDay(value)
    else params[name] = value
  }
  return t(`reasons.${reason.code}`, { ...params, defaultValue: options.fallback ?? reason.code })
}
