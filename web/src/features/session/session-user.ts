import type { z } from 'zod'
import type { loginResult, sessionAnswer, sessionUser } from '../../../../src/contract/auth-schemas.ts'

export { ROLES, type Role } from '../../../../src/contract/roles.ts'

/** The signed-in user, as GET /api/auth/me answers. */
export type SessionUser = z.infer<typeof sessionUser>
/** GET /api/auth/me */
export type SessionAnswer = z.infer<typeof sessionAnswer>
/** POST /api/auth/login */
export type LoginResult = z.infer<typeof loginResult>
