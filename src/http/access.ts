import type { Access } from '../contract/route-access.ts'
import type { SessionUser } from '../db/stores/user-store.ts'

// Every /api route declares who may call it in `config.access` (contract/route-access.ts).

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    user?: SessionUser
  }
}

export const SESSION_COOKIE = 'otklik_session'
