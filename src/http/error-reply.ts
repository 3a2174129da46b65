import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ErrorBody } from '../contract/error-body.ts'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import { ERROR_STATUS } from './error-status.ts'

export type ErrorReply = { status: number; body: ErrorBody; unexpected?: boolean }

/**
 * The one shape of every error answer (contract/error-body.ts): the DomainError code, English words,
 * and in `details` the reason code with its parameters that the web translates. Anything that is not
 * a business error or a refused request is `unexpected`: logged, and answered 500 without detail.
 */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof DomainError) {
    return { status: ERROR_STATUS[error.code], body: { error: error.code, message: error.message, details: error.details as ErrorBody['details'] } }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? '' }))
    const where = issues.map((i) => `${i.path || error.validationContext}: ${i.message}`).join('; ')
    const first = issues[0]
    const details = { ...reason('request.invalid', { field: first?.path || (error.validationContext ?? ''), issue: first?.message ?? '' }), issues }
    return { status: 400, body: { error: 'invalid_input', message: `Invalid ${error.validationContext}: ${where}`, details } }
  }
  const status = (error as { statusCode?: number }).statusCode
  if (status && status >= 400 && status < 500) {
    const message = (error as Error).message
    return { status, body: { error: 'bad_request', message, details: reason('request.malformed', { detail: message }) } }
  }
  return { status: 500, body: { error: 'internal', message: 'Internal error', details: reason('request.internal') }, unexpected: true }
}
