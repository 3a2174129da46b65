import type { DomainErrorCode } from '../core/domain-error.ts'

// The one table that turns business errors into HTTP statuses (STYLE.md rule 5).
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  throttled: 429,
  import_failed: 422,
}
