import type { TFunction } from 'i18next'
import { ApiError } from '../api/api-error.ts'
import { reasonOf } from '../../../src/contract/reason-codes.ts'
import { translateReason } from '../i18n/translate-reason.ts'

// Codes whose server message adds nothing the translated title does not already say.
const SELF_EXPLAINING = new Set(['unauthenticated', 'forbidden', 'network', 'internal', 'throttled'])

/**
 * A translated title for the error's code and, when the server gave a reason code, the reason in the
 * user's language. The server's English words are shown only for an answer with no reason code.
 */
export function describeError(t: TFunction, error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const title = t(`errors.${error.code}`, { defaultValue: t('errors.unknown') })
    const reason = reasonOf(error.details)
    if (reason) return { title, detail: translateReason(t, reason, { fallback: error.message }) }
    return { title, detail: SELF_EXPLAINING.has(error.code) ? undefined : error.message }
  }
  return { title: t('errors.unknown'), detail: error instanceof Error ? error.message : undefined }
}
