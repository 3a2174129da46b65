import type { TFunction } from 'i18next'

// The parser's and compiler's messages (core/selection/parse-rule.ts, compile-rule.ts) are English
// and start with the path; the row already shows where, so the user reads the reason in their
// language. A message not known here is shown as the server wrote it.
const REASONS = [
  { pattern: /must be between (\S+) and (\S+)$/, key: 'range' },
  { pattern: /min must not exceed max$/, key: 'minMax' },
  { pattern: /must be a number$/, key: 'number' },
  { pattern: /must not be empty$/, key: 'emptyGroup' },
  { pattern: /must be a non-empty (list|string)$/, key: 'noValue' },
  { pattern: /must be one of /, key: 'notAllowed' },
  { pattern: /unknown field /, key: 'unknownField' },
  { pattern: /takes (no |)(is_true|is_false|\w+, )/, key: 'opNotAllowed' },
  { pattern: /refers to itself$/, key: 'cycle' },
  { pattern: /no saved selection \d+$/, key: 'noSelection' },
  { pattern: /unknown product code /, key: 'unknownProduct' },
  { pattern: /must be a code of letters/, key: 'code' },
] as const

/** The translated reasons (selections.ruleErrors.*), for the translations test. */
export const RULE_ERROR_REASONS = REASONS.map((reason) => reason.key)

export function describeRuleError(t: TFunction, message: string, formatNumber: (value: number) => string): string {
  const reason = message.replace(/^[^:]*: /, '')
  for (const { pattern, key } of REASONS) {
    const match = reason.match(pattern)
    if (!match) continue
    if (key === 'range') return t('selections.ruleErrors.range', { min: formatNumber(Number(match[1])), max: formatNumber(Number(match[2])) })
    return t(`selections.ruleErrors.${key}`)
  }
  return reason
}
