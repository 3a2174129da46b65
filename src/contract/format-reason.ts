import type { Language } from './language.ts'
import en from './messages/en.json' with { type: 'json' }
import ru from './messages/ru.json' with { type: 'json' }
import { programWord, type ProgramWordKind } from './program-words.ts'
import type { AnyReason } from './reason-codes.ts'

export type MessageTree = { [key: string]: MessageTree | string }

/** The reason texts per language, nested by the code's parts (`import.bad_date`). The web loads
 * the same trees into i18next under `reasons`, so both read one set of words. */
export const REASON_MESSAGES: Record<Language, MessageTree> = { ru, en }

/** The template of a code in a language, or undefined when the code has none. */
export function reasonTemplate(code: string, lang: Language): string | undefined {
  let node: MessageTree | string | undefined = REASON_MESSAGES[lang]
  for (const part of code.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** `{{name}}`, or `{{count, number}}` for an amount written the language's way ("1 000" in Russian),
 * as i18next's built-in formatter does in the web. */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(number)\s*)?\}\}/g

// A program's refusals name statuses, roles and checklist items by code, some as lists
// ("pilot, cancelled"): written in words, as the web does (web/src/i18n/translate-reason.ts).
const PROGRAM_PARAM_WORDS: Record<string, ProgramWordKind> = { status: 'statuses', to: 'statuses', allowed: 'statuses', role: 'roles', roles: 'roles', items: 'checklist' }

/**
 * A reason in words, for the CLI and the files the server writes (the rejected rows CSV). The
 * placeholders are i18next's (PLACEHOLDER); a code with no text falls back to `fallback`, then to the code.
 */
export function formatReason(reason: AnyReason, lang: Language, fallback?: string): string {
  const template = reasonTemplate(reason.code, lang)
  if (template === undefined) return fallback ?? reason.code
  return template.replace(PLACEHOLDER, (_, name: string, format?: string) => {
    const value = reason[name]
    if (value === undefined || value === null) return ''
    const words = reason.code.startsWith('program.') ? PROGRAM_PARAM_WORDS[name] : undefined
    if (words && typeof value === 'string') return value.split(', ').map((code) => programWord(lang, words, code)).join(', ')
    return format === 'number' && typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : String(value)
  })
}

/**
 * The reasons of one rejected row in words, one sentence each. The server's English text is already
 * English (and names the field code too), so in English it is kept; rows stored before codes keep it too.
 */
export function describeReasons(reasons: readonly AnyReason[] | null | undefined, lang: Language, text: string): string {
  if (!reasons || reasons.length === 0 || (lang === 'en' && text)) return text
  return reasons.map((reason) => formatReason(reason, lang)).join(' ')
}
