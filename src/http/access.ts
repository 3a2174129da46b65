import type { Role } from '../core/roles.ts'
import type { SessionUser } from '../db/stores/user-store.ts'

/**
 * Every /api route declares who may call it: `public`, any signed-in user (`signed_in`), or a list
 * of roles. A route that declares nothing is refused (fail closed), see build-server.ts.
 */
export type Access = 'public' | 'signed_in' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    user?: SessionUser
  }
}

export const SESSION_COOKIE = 'otklik_session'
