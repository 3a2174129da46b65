import type { TFunction } from 'i18next'
import type { AnyReason } from '../../../src/contract/reason-codes.ts'

// Parameters whose value is itself a code the UI names in words (a role, a channel).
const CODE_PARAMS: Record<string, string> = { role: 'roles', channel: 'channels' }
// A program's moves name statuses, roles and checklist items, some as lists ("pilot, cancelled").
const PROGRAM_PARAMS: Record<string, string> = { status: 'programs.statuses', to: 'programs.statuses', allowed: 'programs.statuses', roles: 'roles', items: 'programs.checklist' }

function paramPrefix(code: string, name: string): string | undefined {
  return (code.startsWith('program.') ? PROGRAM_PARAMS[name] : undefined) ?? CODE_PARAMS[name]
}

/**
 * A server reason (`{ code: 'import.bad_date', column, value }`) in the user's language, from
 * `reasons.<code>` (contract/messages, loaded in i18n.ts). A code with no text yet shows `fallback`.
 */
export function translateReason(t: TFunction, reason: AnyReason, fallback?: string): string {
  const params: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(reason)) {
    const prefix = paramPrefix(reason.code, name)
    params[name] =
      prefix && typeof value === 'string'
        ? value
            .split(', ')
            .map((part) => t(`${prefix}.${part}`, { defaultValue: part }))
            .join(', ')
        : value
  }
  return t(`reasons.${reason.code}`, { ...params, defaultValue: fallback ?? reason.code })
}
