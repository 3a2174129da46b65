import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../contract/roles.ts'
import { listApiRoutes } from './build-server.ts'
import { ROUTE_ACCESS, type Access } from '../contract/route-access.ts'
import { createLogger } from '../logger.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'
import { buildServerWithJobs, buildTestServer, createTestUser, signIn } from '../../test/build-test-server.ts'
import { seedClientBase } from '../../test/seed-client-base.ts'
import { multipart } from '../../test/multipart-body.ts'

// The role × route table: every route the app registers, called by every role and without a
// session, must answer as ROUTE_ACCESS says — 401 without a session (unless public), 403 for a role
// not listed, and for a listed role anything but 401/403/5xx (2xx, or 4xx for the empty request).
// The routes are read from Fastify itself, so a new route without a table entry fails here.

const db = await openTestDatabase()
const base = await seedClientBase(db)
const app = await buildTestServer(db)
// Which route answered (empty: none matched), for the test of every spelling of a path below.
app.addHook('onSend', async (request, reply) => {
  reply.header('x-matched-route', request.is404 ? '' : request.routeOptions.url)
})
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
    // The background jobs (imports, profile refreshes): the admin and the analyst, nobody else.
    expect(ROLES.filter((role) => allowed(tableAccess('GET /api/jobs')!, role)).sort()).toEqual(['admin', 'analyst'])
    const writesUsers = routes.filter((r) => r.url.startsWith('/api/users') && r.method !== 'GET')
    for (const route of writesUsers) expect(route.access, route.key).toEqual(['admin'])
    const auditorRoutes = routes.filter((r) => r.access !== 'public' && allowed(r.access!, 'auditor')).map((r) => r.key)
    // The auditor reads who holds which role (GET /api/users), and writes nothing.
    expect(auditorRoutes.sort()).toEqual(['GET /api/audit', 'GET /api/auth/me', 'GET /api/branches', 'GET /api/regions', 'GET /api/roles', 'GET /api/users', 'POST /api/auth/logout'])
    // Public: health, the login, and the SMS gateway's callbacks, which check the gateway's token themselves.
    expect(routes.filter((r) => r.access === 'public').map((r) => r.key).sort()).toEqual(['GET /api/health', 'POST /api/auth/login', 'POST /api/sms/inbound', 'POST /api/sms/reports'])
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
    const other = await buildServerWithJobs({ db, config: { sessionHours: 12, secureCookies: false }, logger: createLogger('silent'), now: () => new Date() })
    other.get('/api/undeclared', async () => ({ secret: true }))
    other.get('/metrics', async () => ({ secret: true }))
    const cookie = (await signIn(other, db, 'admin')).cookie
    expect((await other.inject({ method: 'GET', url: '/api/undeclared', headers: { cookie } })).statusCode).toBe(403)
    expect((await other.inject({ method: 'GET', url: '/metrics', headers: { cookie } })).statusCode).toBe(403)
    expect((await other.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403)
    expect(listApiRoutes(other).find((r) => r.url === '/api/undeclared')).toEqual({ method: 'GET', url: '/api/undeclared', access: undefined })
    await other.close()
  })
})

// Fastify's router decodes the path before it matches (`/%61pi/users` is `/api/users`) and may
// match other spellings to a neighbour (`/api/imports/` to `/api/imports/:id`). Whatever route
// answers, its own access must hold; a percent-encoded path is the same route as the plain one
// and must answer exactly as it does.
const SPELLINGS: Record<string, (path: string) => string> = {
  'percent-encoded': (path) => path.replace(/[a-z0-9]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
  'percent-encoded, upper-case hex': (path) => path.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  'percent-encoded prefix': (path) => path.replace('/api/', '/%61pi/'),
  'double slash first': (path) => `/${path}`,
  'double slash inside': (path) => path.replace('/api/', '/api//'),
  'trailing slash': (path) => `${path}/`,
  'dot segment': (path) => path.replace('/api/', '/api/./'),
  'encoded slash': (path) => path.replace('/api/', '/api%2F'),
  'upper case': (path) => path.toUpperCase(),
  'mixed case': (path) => path.replace('/api/', '/Api/'),
}

describe('every spelling of every path', () => {
  const callers = [undefined, ...ROLES] as const
  const withHead = routes.flatMap((r) => (r.method === 'GET' ? [r, { ...r, method: 'HEAD', key: `HEAD ${r.url}` }] : [r]))

  it.each(withHead.map((r) => [r.key, r] as const))('%s', async (_key, route) => {
    const wrong: string[] = []
    for (const role of callers) {
      const who = role ?? 'no session'
      const plain = await callPath(route, pathOf(route.url), role)
      if (plain.matched !== route.url) wrong.push(`${who}: the plain path matched ${plain.matched}`)
      for (const [name, spell] of Object.entries(SPELLINGS)) {
        const url = spell(pathOf(route.url))
        const answer = await callPath(route, url, role)
        if (name.startsWith('percent-encoded') && (answer.matched !== route.url || answer.status !== plain.status)) {
          wrong.push(`${who} ${url} → ${answer.status} from ${answer.matched || 'no route'}, plain → ${plain.status}`)
        }
        if (!answer.matched) {
          if (answer.status !== 404) wrong.push(`${who} ${url} → ${answer.status} from no route`)
          continue
        }
        const access = tableAccess(`${route.method === 'HEAD' ? 'GET' : route.method} ${answer.matched}`)!
        const verdict = role === undefined ? (access === 'public' ? 'served' : 401) : allowed(access, role) ? 'served' : 403
        const obeys = verdict === 'served' ? answer.status < 500 && answer.status !== 401 && answer.status !== 403 : answer.status === verdict
        if (!obeys) wrong.push(`${who} ${url} → ${answer.status} from ${answer.matched}, its access says ${verdict}`)
      }
    }
    expect(wrong).toEqual([])
  })
})

async function callPath(route: { method: string; url: string }, url: string, role: Role | undefined) {
  const response = await app.inject({ method: route.method as 'GET', url, headers: role ? { cookie: cookies.get(role)! } : {} })
  if (role && route.url === '/api/auth/logout' && response.statusCode === 200) cookies.set(role, (await signIn(app, db, role)).cookie)
  return { status: response.statusCode, matched: String(response.headers['x-matched-route'] ?? '') }
}

describe('the API docs', () => {
  it.each(['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/index.html', '/%61pi/docs/json', '/api/%64ocs/json'])(
    '%s: 401 without a session, served to any signed-in user',
    async (url) => {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401)
      for (const role of ['auditor', 'operator'] as const) {
        const status = (await app.inject({ method: 'GET', url, headers: { cookie: cookies.get(role)! } })).statusCode
        expect([200, 302], `${role} ${url}`).toContain(status)
      }
    },
  )
})

describe('an upload refused', () => {
  it('leaves no file in the temporary folder', async () => {
    // Uploads go to os.tmpdir(), which follows TMPDIR: a folder of this test's own to look into.
    const before = process.env.TMPDIR
    const folder = mkdtempSync(join(tmpdir(), 'otklik-access-test-'))
    process.env.TMPDIR = folder
    try {
      const file = multipart({ kind: 'clients' }, { name: 'clients.csv', content: `bank_id,full_name\n${'A1,Иванов\n'.repeat(20_000)}` })
      const badForm = multipart({ kind: 'nonsense' }, { name: 'clients.csv', content: 'bank_id\nA1\n' })
      const attempts = [
        ...['/api/imports', '/%61pi/imports', '/api/imports/preview', '/%61pi/imports/preview', '/api/%69mports'].flatMap((url) => [
          { url, role: undefined, form: file, status: 401 },
          { url, role: 'operator' as const, form: file, status: 403 },
        ]),
        { url: '/api/imports', role: 'analyst' as const, form: badForm, status: 400 },
        { url: '/api/imports/preview', role: 'analyst' as const, form: badForm, status: 400 },
      ]
      for (const { url, role, form, status } of attempts) {
        const headers = { ...form.headers, ...(role && { cookie: cookies.get(role)! }) }
        const response = await app.inject({ method: 'POST', url, payload: form.payload, headers })
        expect(response.statusCode, `${role ?? 'no session'} ${url}`).toBe(status)
        expect(readdirSync(folder), `${role ?? 'no session'} ${url}`).toEqual([])
      }
    } finally {
      if (before === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = before
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('the web UI', () => {
  it('serves its files and the app shell to everyone, and nothing else outside /api', async () => {
    const web = mkdtempSync(join(tmpdir(), 'otklik-web-test-'))
    mkdirSync(join(web, 'assets'))
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Otklik</title>')
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)')
    const withWeb = await buildServerWithJobs({ db, config: { sessionHours: 12, secureCookies: false }, logger: createLogger('silent'), now: () => new Date(), webDir: web })
    try {
      for (const url of ['/', '/index.html', '/assets/app.js', '/clients/42']) {
        expect((await withWeb.inject({ method: 'GET', url })).statusCode, url).toBe(200)
      }
      expect((await withWeb.inject({ method: 'GET', url: '/%61pi/users' })).statusCode).toBe(401)
      expect((await withWeb.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404)
    } finally {
      await withWeb.close()
      rmSync(web, { recursive: true, force: true })
    }
  })
})
