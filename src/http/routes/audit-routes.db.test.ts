import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { createLogger } from '../../logger.ts'
import { listApiRoutes, type App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildServerWithJobs, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let app: App
let base: ClientBase
const logLines: string[] = []
const cookies = new Map<Role, string>()
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  // The real logger at its most talkative, writing where the test can read it.
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  app = await buildServerWithJobs({ db, config: { sessionHours: 12, secureCookies: false }, logger: createLogger('trace', destination), now: () => new Date() })
  await createTestUser(db, 'branch', 'branch', base.branchIds.MSK)
  for (const role of ['head', 'branch', 'admin', 'auditor'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const call = (role: Role | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: role ? { cookie: cookies.get(role)! } : {}, ...(payload !== undefined && { payload: payload as object }) })

describe('personal data never reaches the log', () => {
  // What a user types and reads about a client: none of it may appear in a log line.
  // Each also as it travels in a URL (percent-encoded), in either case of hex digits.
  const SECRETS = ['3456789', '345-67-89', 'Иванов', 'иванов', 'ivanov', 'Тверская', '1980-05-17', 'ипотеку', 'Secret pass 1', 'Смирнова']
    .flatMap((s) => [s, encodeURIComponent(s), encodeURIComponent(s).toLowerCase()])

  it('holds for searches, card views, exports, notes, user changes and bad requests', async () => {
    const q = (text: string) => encodeURIComponent(text)
    expect((await call('head', 'GET', `/api/clients?q=${q('8 (912) 345-67-89')}`)).statusCode).toBe(200)
    expect((await call('head', 'GET', `/api/clients?q=${q('+7 912 3456789')}`)).statusCode).toBe(200)
    expect((await call('head', 'GET', `/api/clients?q=${q('Иванов')}&limit=999`)).statusCode).toBe(400)
    expect((await call('head', 'GET', `/api/clients?q=${q('ivanov@mail.ru')}`)).statusCode).toBe(200)
    expect((await call('head', 'GET', `/api/clients/${base.ids['C-0001']}`)).statusCode).toBe(200)
    expect((await call('head', 'GET', `/api/clients/export?format=csv&q=${q('Иванов')}`)).statusCode).toBe(200)
    expect((await call('branch', 'POST', `/api/clients/${base.ids['C-0001']}/notes`, { kind: 'intent', body: 'Хочет ипотеку' })).statusCode).toBe(201)
    expect((await call('branch', 'POST', `/api/clients/${base.ids['C-0001']}/notes`, { kind: 'bad', body: 'Хочет ипотеку' })).statusCode).toBe(400)
    const user = { login: 'smirnova', fullName: 'Смирнова Ксения', role: 'analyst', password: 'Secret pass 1' }
    expect((await call('admin', 'POST', '/api/users', user)).statusCode).toBe(201)
    expect((await call('admin', 'POST', '/api/users', { ...user, role: 'x' })).statusCode).toBe(400)
    expect((await call(undefined, 'GET', `/api/clients?q=${q('Иванов')}`)).statusCode).toBe(401)
    expect((await call('head', 'GET', `/api/nowhere?q=${q('Иванов')}`)).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'smirnova', password: 'Secret pass 1' } })).statusCode).toBe(200)

    const log = logLines.join('')
    // The capture works: there is one line per request, with the route template.
    expect(log).toContain('"route":"/api/clients"')
    expect(log).toContain('"route":"/api/clients/:id"')
    for (const secret of SECRETS) expect(log, secret).not.toContain(secret)
  })
})

describe('GET /api/audit', () => {
  it('lists events newest first with filters by login, action and dates', async () => {
    await call('head', 'GET', `/api/clients/${base.ids['C-0002']}`)
    const all = (await call('auditor', 'GET', '/api/audit?limit=500')).json()
    expect(all.total).toBeGreaterThan(3)
    const ids = all.items.map((e: { id: number }) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))

    const views = (await call('auditor', 'GET', '/api/audit?login=head&action=client.view')).json()
    expect(views.items[0]).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      login: 'head',
      action: 'client.view',
      entity: 'client',
      entityId: String(base.ids['C-0002']),
      details: {},
    })
    expect(views.items.every((e: { login: string; action: string }) => e.login === 'head' && e.action === 'client.view')).toBe(true)

    const today = new Date().toISOString().slice(0, 10)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    expect((await call('admin', 'GET', `/api/audit?from=${today}&to=${today}`)).json().total).toBe(all.total)
    expect((await call('admin', 'GET', `/api/audit?from=${tomorrow}`)).json().total).toBe(0)
    const page = (await call('admin', 'GET', '/api/audit?limit=2&offset=1')).json()
    expect(page.items.map((e: { id: number }) => e.id)).toEqual(ids.slice(1, 3))
  })

  it.each([['from=yesterday'], ['to=2026-13-01'], ['limit=501'], [`action=${'a'.repeat(51)}`]])('answers 400 to %s', async (query) => {
    expect((await call('auditor', 'GET', `/api/audit?${query}`)).statusCode).toBe(400)
  })

  it('is for the auditor and the admin only', async () => {
    expect((await call('head', 'GET', '/api/audit')).statusCode).toBe(403)
    expect((await call('branch', 'GET', '/api/audit')).statusCode).toBe(403)
  })
})

describe('the audit log is append-only', () => {
  it('has no route that writes to it', async () => {
    const auditRoutes = listApiRoutes(app).filter((r) => r.url.startsWith('/api/audit'))
    expect(auditRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/audit'])
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', '/api/audit/1']) expect((await call('admin', method, url)).statusCode, `${method} ${url}`).toBe(404)
    }
  })

  it('is refused by the database itself', async () => {
    const before = (await call('auditor', 'GET', '/api/audit')).json().total
    await expect(sql`UPDATE audit_events SET login = 'someone else'`.execute(db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_events WHERE action = 'client.view'`.execute(db.kysely)).rejects.toThrow(/append-only/)
    expect((await call('auditor', 'GET', '/api/audit')).json().total).toBe(before)
  })
})
