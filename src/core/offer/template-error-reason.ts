import type { OfferTemplatePart } from '../../contract/offer-schemas.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import { FORBIDDEN_TAGS, MEMORY_LIMIT, RENDER_LIMIT_MS } from './offer-template-engine.ts'

// LiquidJS's errors in the bank's words: its message ends with ", line:2, col:5", its token knows
// the position; the cause (an unknown filter, a missing tag) is only in the message text, so this
// is the one place that reads it.

type LiquidLikeError = Error & { token?: { getPosition?: () => [number, number] }; originalError?: Error }

export function templateErrorReason(part: OfferTemplatePart, error: unknown): Reason {
  const failure: LiquidLikeError = error instanceof Error ? error : new Error(String(error))
  const [line, column] = failure.token?.getPosition?.() ?? [1, 1]
  const cause = (failure.originalError?.message ?? failure.message).replace(/, line:\d+, col:\d+$/u, '')
  const filter = /^undefined filter: (.+)$/u.exec(cause)
  if (filter) return reason('template.unknown_filter', { part, line, column, filter: filter[1]! })
  const tag = /^tag "?(\w+)"? not found$/u.exec(cause)
  if (tag && (FORBIDDEN_TAGS as readonly string[]).includes(tag[1]!)) return reason('template.tag_not_allowed', { part, line, column, tag: tag[1]! })
  const variable = /^undefined variable: (.+)$/u.exec(cause)
  if (variable) return reason('template.unknown_field', { part, line, column, field: variable[1]! })
  if (/render limit exceeded/u.test(cause)) return reason('template.too_slow', { part, limit: RENDER_LIMIT_MS })
  if (/memory alloc limit exceeded/u.test(cause)) return reason('template.too_large', { part, limit: MEMORY_LIMIT })
  if (failure.name === 'TokenizationError' || failure.name === 'ParseError') return reason('template.syntax', { part, line, column, detail: cause })
  return reason('template.render_failed', { part, line, column, detail: cause })
}
