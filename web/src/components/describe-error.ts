import type { TFunction } from 'i18next'
import { ApiError } from '../api/api-error.ts'

// Codes whose server message adds nothing the translated title does not already say.
const SELF_EXPLAINING = new Set(['unauthenticated', 'forbidden', 'network', 'internal', 'throttled'])

/** A translated title for the error's code, and the server's own words when they add detail. */
export function describeError(t: TFunction, error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const title = t(`errors.${error.code}`, { defaultValue: t('errors.unknown') })
    return { title, detail: SELF_EXPLAINING.has(error.code) ? undefined : error.message }
  }
  return { title: t('errors.unknown'), detail: error instanceof Error ? error.message : undefined }
}
