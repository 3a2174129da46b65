import type { FastifyRequest } from 'fastify'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import type { SessionUser } from '../db/stores/user-store.ts'

/** The caller of a route that is not public (the access hook has already checked the session). */
export function signedInUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new DomainError('unauthenticated', 'Sign in first', reason('auth.sign_in_first'))
  return request.user
}
