import { logIn } from '../../app/auth/log-in.ts'
import { logOut } from '../../app/auth/log-out.ts'
import { loginBody, loginResult, logoutResult, sessionAnswer } from '../../contract/auth-schemas.ts'
import { SESSION_COOKIE } from '../access.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'

// CSRF stance: the session cookie is SameSite=Strict and HttpOnly, every state-changing route takes
// JSON or multipart (not a form a foreign page could post cross-site with cookies), so a
// cross-site request never carries the session. See docs/architecture.md.
export function registerAuthRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: ROUTE_ACCESS['POST /api/auth/login'] },
      schema: {
        body: loginBody,
        response: { 200: loginResult },
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

  app.post('/api/auth/logout', { config: { access: ROUTE_ACCESS['POST /api/auth/logout'] }, schema: { response: { 200: logoutResult } } }, async (request, reply) => {
    await logOut(deps.db.kysely, { token: request.cookies[SESSION_COOKIE], user: request.user })
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return { ok: true as const }
  })

  app.get(
    '/api/auth/me',
    { config: { access: ROUTE_ACCESS['GET /api/auth/me'] }, schema: { response: { 200: sessionAnswer } } },
    async (request) => ({ user: request.user! }),
  )
}
