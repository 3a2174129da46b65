import { z } from 'zod'
import { ROLES } from './roles.ts'

// The requests and answers of /api/auth, shared by the routes (src/http/routes/auth-routes.ts) and
// the web's session (web/src/features/session/session-user.ts).

/** The signed-in user, as the login and GET /api/auth/me answer. */
export const sessionUser = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  branchId: z.number().nullable(),
})

export const loginBody = z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) })

export const loginResult = z.object({ user: sessionUser, expiresAt: z.string() })

export const sessionAnswer = z.object({ user: sessionUser })

export const logoutResult = z.object({ ok: z.literal(true) })
