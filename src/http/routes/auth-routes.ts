import { z } from 'zod'
import { logIn } from '../../app/auth/log-in.ts'
import { logOut } from '../../app/auth/log-out.ts'
import { ROLES } from '../../contract/roles.ts'
import { SESSION_COOKIE } from '../access.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'

const sessionUser = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  branchId: z.number().nullable(),
})

// CSRF stance: the session cookie is SameSite=Strict and HttpOnly, every state-changing route takes
// JSON or multipart (not a form a foreign page could post cross-site with cookies), so a
// cross-site request never carries the session. See docs/architecture.md.
export function registerAuthRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: ROUTE_ACCESS['POST /api/auth/login'] },
      schema: {
        body: z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: sessionUser, expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const now = deps.now()
      const result = await logIn(deps.db.kysely, { ...request.body, address: request.ip, now, sessionHours: deps.config.sessionHours })
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        expires: result.expiresAt,
      })
      return { user: result.user, expiresAt: result.expiresAt.toISOString() }
    },
  )

  app.post('/api/auth/logout', { config: { access: ROUTE_ACCESS['POST /api/auth/logout'] } }, async (request, reply) => {
    await logOut(deps.db.kysely, { token: request.cookies[SESSION_COOKIE], user: request.user })
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return { ok: true }
  })

  app.get(
    '/api/auth/me',
    { config: { access: ROUTE_ACCESS['GET /api/auth/me'] }, schema: { response: { 200: z.object({ user: sessionUser }) } } },
    async (request) => ({ user: request.user! }),
  )
}
