import type { AnyReason } from '../contract/reason-codes.ts'

// One error type for every business rule, with a closed list of codes. The HTTP edge maps codes to
// statuses in one table (http/error-status.ts); the CLI maps them to exit codes.
export const DOMAIN_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'throttled',
  'import_failed',
] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

/** Why, for the reader's language: a reason code with its parameters (contract/reason-codes.ts). */
export type DomainErrorDetails = AnyReason

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly details: DomainErrorDetails

  // The English message is for logs and curl; the web and the CLI tell `details` in the user's words.
  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}
