import { afterAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../core/roles.ts'
import { buildServer, listApiRoutes } from './build-server.ts'
import { ROUTE_ACCESS } from './route-access.ts'
import type { Access } from './access.ts'
import { createLogger } from '../logger.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../test/build-test-server.ts'
import { seedClientBase } from '../../test/seed-client-base.ts'

// The role × route table: every route the app registers, called by every role and without a
// session, must answer as ROUTE_ACCESS says — 401 without a session (unless public), 403 for a role
// not listed, and for a listed role anything but 401/403/5xx (2xx, or 4xx for the empty request).
// The routes are read from Fastify itself, so a new route without a table entry fails here.

const db = await openTestDatabase()
const base = await seedClientBase(db)
const app = await buildTestServer(db)
const routes = listApiRoutes(app).map((r) => ({ ...r, key: `${r.method} ${r.url}` }))
const cookies = new Map<Role, string>()
// Branch staff see their branch's clients: C-0002, whose card the table opens, is served by EKB.
await createTestUser(db, 'branch', 'branch', base.branchIds.EKB)
for (const role of ROLES) cookies.set(role, (await signIn(app, db, role)).cookie)

afterAll(async () => {
  await app.close()
  await db.close()
})

const allowed = (access: Access, role: Role) => access === 'public' || access === 'signed_in' || access.includes(role)
const tableAccess = (key: string): Access | undefined => (ROUTE_ACCESS as Record<string, Access>)[key]

/** A real path for the route: ids of existing rows where there are some. */
function pathOf(url: string): string {
  if (url.startsWith('/api/clients/:id')) return url.replace(':id', String(base.ids['C-0002']))
  return url.replace(/:[A-Za-z]+/g, '1')
}

async function call(route: { method: string; url: string }, role: Role | undefined) {
  const response = await app.inject({
    method: route.method as 'GET',
    url: pathOf(route.url),
    headers: role ? { cookie: cookies.get(role)! } : {},
  })
  // Logging out ends the session this table uses: sign in again for the next route.
  if (role && route.url === '/api/auth/logout' && response.statusCode === 200) cookies.set(role, (await signIn(app, db, role)).cookie)
  return response.statusCode
}

describe('the access table', () => {
  it('covers every registered route, and every entry is a registered route', () => {
    const registered = routes.map((r) => r.key)
    expect(registered.filter((key) => !tableAccess(key)), 'routes without an entry in route-access.ts').toEqual([])
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !registered.includes(key)), 'entries without a route').toEqual([])
  })

  it('is what every route declares', () => {
    for (const route of routes) expect(route.access, route.key).toEqual(tableAccess(route.key))
  })

  // Policy that holds whatever else the table says (need to know, 152-FZ).
  it('keeps the auditor and the admin away from client data, and the admin screens to their roles', () => {
    const clientRoutes = routes.filter((r) => r.url.startsWith('/api/clients'))
    expect(clientRoutes.length).toBeGreaterThanOrEqual(4)
    for (const route of clientRoutes) {
      expect(allowed(route.access!, 'auditor'), route.key).toBe(false)
      expect(allowed(route.access!, 'admin'), route.key).toBe(false)
    }
    for (const route of routes.filter((r) => r.url.startsWith('/api/users') || r.url.startsWith('/api/audit'))) {
      expect(ROLES.filter((role) => allowed(route.access!, role)), route.key).toEqual(expect.arrayContaining(['admin']))
      expect(ROLES.filter((role) => allowed(route.access!, role) && role !== 'admin' && role !== 'auditor'), route.key).toEqual([])
    }
    const writesUsers = routes.filter((r) => r.url.startsWith('/api/users') && r.method !== 'GET')
    for (const route of writesUsers) expect(route.access, route.key).toEqual(['admin'])
    const auditorRoutes = routes.filter((r) => r.access !== 'public' && allowed(r.access!, 'auditor')).map((r) => r.key)
    expect(auditorRoutes.sort()).toEqual(['GET /api/audit', 'GET /api/auth/me', 'GET /api/branches', 'GET /api/regions', 'GET /api/roles', 'POST /api/auth/logout'])
    expect(routes.filter((r) => r.access === 'public').map((r) => r.key).sort()).toEqual(['GET /api/health', 'POST /api/auth/login'])
  })
})

describe.each(routes)('$key', (route) => {
  const access = tableAccess(route.key) ?? []

  it(`without a session → ${access === 'public' ? 'served' : '401'}`, async () => {
    const status = await call(route, undefined)
    if (access === 'public') expect(status).toBeLessThan(500)
    else expect(status).toBe(401)
  })

  it.each(ROLES.map((role) => [role, allowed(access, role) ? 'allowed' : 'denied'] as const))('%s → %s', async (role, verdict) => {
    const status = await call(route, role)
    if (verdict === 'denied') expect(status).toBe(403)
    else {
      expect(status).not.toBe(401)
      expect(status).not.toBe(403)
      expect(status).toBeLessThan(500)
    }
  })
})

describe('a route that declares no access', () => {
  it('is refused to everyone (fail closed)', async () => {
    const other = await buildServer({ db, config: { sessionHours: 12, secureCookies: false }, logger: createLogger('silent'), now: () => new Date() })
    other.get('/api/undeclared', async () => ({ secret: true }))
    const cookie = (await signIn(other, db, 'admin')).cookie
    expect((await other.inject({ method: 'GET', url: '/api/undeclared', headers: { cookie } })).statusCode).toBe(403)
    expect(listApiRoutes(other).find((r) => r.url === '/api/undeclared')).toEqual({ method: 'GET', url: '/api/undeclared', access: undefined })
    await other.close()
  })
})
