import type { TFunction } from 'i18next'
import { CALL_REASONS } from '../../../../src/contract/call-log.ts'

/** A reason Otklik knows in the reader's language; the call centre's own words as they came. */
export function callReasonLabel(t: TFunction, reason: string): string {
  return (CALL_REASONS as readonly string[]).includes(reason) ? t(`callLog.reasons.${reason}`) : reason
}
