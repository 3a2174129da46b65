import { formatReason } from '../../contract/format-reason.ts'
import type { Reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'

/** A file or option a model cannot be trained on (CLI exit 2); the English message is the reason's own words. */
export function modelInputError(reason: Reason): DomainError {
  return new DomainError('invalid_input', formatReason(reason, 'en'), reason)
}
