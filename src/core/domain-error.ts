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

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly details: unknown

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}
