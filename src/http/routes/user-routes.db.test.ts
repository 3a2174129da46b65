import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLEARANCE } from '../../core/clearance.ts'
import { ROLES } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let app: App
let base: ClientBase
let admin: string
let adminId: number
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db)
  admin = (await signIn(app, db, 'admin')).cookie
  adminId = await createTestUser(db, 'admin')
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const request = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = admin) =>
  app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) })
const logIn = (login: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } })
const cookieOf = (response: Awaited<ReturnType<typeof logIn>>) => `otklik_session=${response.cookies.find((c) => c.name === 'otklik_session')!.value}`
const auditEvents = (action: string) => db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute()

describe('admin users', () => {
  it('creates a user who can then log in; the password is kept only as an argon2 hash', async () => {
    const response = await request('POST', '/api/users', {
      login: 'k.smirnova',
      fullName: 'Смирнова Ксения',
      role: 'branch',
      password: 'correct horse',
      branchId: base.branchIds.EKB,
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ id: expect.any(Number), login: 'k.smirnova', fullName: 'Смирнова Ксения', role: 'branch', branchId: base.branchIds.EKB, active: true })
    const row = await db.kysely.selectFrom('users').select('password_hash').where('login', '=', 'k.smirnova').executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    expect((await logIn('k.smirnova', 'correct horse')).statusCode).toBe(200)
    const list = (await request('GET', '/api/users')).json()
    expect(list.items.map((u: { login: string }) => u.login)).toContain('k.smirnova')
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/)
    const [event] = await auditEvents('user.create')
    expect(event).toMatchObject({ login: 'admin', entity: 'user', details: { login: 'k.smirnova', role: 'branch' } })
    expect(JSON.stringify(event)).not.toContain('correct horse')
  })

  it.each([
    [{ login: 'k.smirnova', fullName: 'X', role: 'analyst', password: 'long enough' }, 409, /taken/, 'user.login_taken'],
    [{ login: 'new1', fullName: 'X', role: 'root', password: 'long enough' }, 400, /role/, 'request.invalid'],
    [{ login: 'new1', fullName: 'X', role: 'analyst', password: 'short' }, 400, /password/, 'request.invalid'],
    [{ login: 'new 1', fullName: 'X', role: 'analyst', password: 'long enough' }, 400, /login/, 'request.invalid'],
    [{ login: 'new1', fullName: '', role: 'analyst', password: 'long enough' }, 400, /fullName/, 'request.invalid'],
    [{ login: 'new1', fullName: 'X', role: 'analyst', password: 'long enough', branchId: 9999 }, 400, /branchId/, 'user.unknown_branch'],
    [{ login: 'new1', fullName: 'X', role: 'branch', password: 'long enough' }, 400, /branchId/, 'user.branch_required'],
    [{ login: 'new1', fullName: 'X', role: 'analyst', password: 'long enough', admin: true }, 400, /admin/, 'request.invalid'],
  ])('refuses %j with %i', async (payload, status, message, code) => {
    const response = await request('POST', '/api/users', payload)
    expect(response.statusCode).toBe(status)
    expect(response.json().message).toMatch(message)
    // The web and the CLI translate by the reason code, not by the English message.
    expect(response.json().details.code).toBe(code)
  })

  it('changes name and role, recording which fields changed', async () => {
    const id = await createTestUser(db, 'analyst', 'analyst2')
    const response = await request('PATCH', `/api/users/${id}`, { fullName: 'Новиков Олег', role: 'program_economist' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id, fullName: 'Новиков Олег', role: 'program_economist', active: true })
    const event = (await auditEvents('user.update')).at(-1)
    expect(event).toMatchObject({ entity_id: String(id), details: { changed: ['fullName', 'role'], role: 'program_economist' } })
  })

  it('deactivating a user ends their sessions and their logins', async () => {
    const id = await createTestUser(db, 'marketer')
    const { cookie } = await signIn(app, db, 'marketer')
    expect((await request('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(200)
    expect((await request('PATCH', `/api/users/${id}`, { active: false })).json().active).toBe(false)
    expect((await request('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401)
    expect((await logIn('marketer', 'pw')).statusCode).toBe(401)
  })

  it('a new password replaces the old one and ends the other sessions', async () => {
    const id = await createTestUser(db, 'operator')
    const { cookie } = await signIn(app, db, 'operator')
    expect((await request('PATCH', `/api/users/${id}`, { password: 'new secret 1' })).statusCode).toBe(200)
    expect((await request('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401)
    expect((await logIn('operator', 'pw')).statusCode).toBe(401)
    expect((await logIn('operator', 'new secret 1')).statusCode).toBe(200)
    const event = (await auditEvents('user.update')).at(-1)
    expect(event?.details).toMatchObject({ changed: ['password'] })
    expect(JSON.stringify(event)).not.toContain('new secret')
  })

  it('keeps the admin able to manage users: no self-deactivation, no self-demotion', async () => {
    const deactivate = await request('PATCH', `/api/users/${adminId}`, { active: false })
    expect(deactivate.statusCode).toBe(409)
    expect(deactivate.json().message).toMatch(/deactivate themself/)
    expect(deactivate.json().details).toEqual({ code: 'user.cannot_deactivate_self' })
    expect((await request('PATCH', `/api/users/${adminId}`, { role: 'auditor' })).statusCode).toBe(409)
    // Their own new password keeps their current session.
    expect((await request('PATCH', `/api/users/${adminId}`, { password: 'admin pass 2' })).statusCode).toBe(200)
    expect((await request('GET', '/api/auth/me')).statusCode).toBe(200)
    const me = await db.kysely.selectFrom('users').select(['active', 'role']).where('id', '=', adminId).executeTakeFirstOrThrow()
    expect(me).toEqual({ active: true, role: 'admin' })
  })

  it.each([
    ['/api/users/999999', { fullName: 'X' }, 404],
    ['/api/users/abc', { fullName: 'X' }, 400],
    ['/api/users/1', {}, 400],
    ['/api/users/1', { isActive: false }, 400],
    ['/api/users/1', { role: 'branch', branchId: null }, 400],
  ])('PATCH %s %j → %i', async (url, payload, status) => {
    expect((await request('PATCH', url, payload)).statusCode).toBe(status)
  })

  it('is for the admin only', async () => {
    const { cookie } = await signIn(app, db, 'head')
    expect((await request('GET', '/api/users', undefined, cookie)).statusCode).toBe(403)
    expect((await request('POST', '/api/users', { login: 'x' }, cookie)).statusCode).toBe(403)
  })

  it('lets the auditor read who holds which role, and change nothing', async () => {
    const { cookie } = await signIn(app, db, 'auditor')
    const list = await request('GET', '/api/users', undefined, cookie)
    expect(list.statusCode).toBe(200)
    expect(list.json().items.find((u: { login: string }) => u.login === 'admin')).toMatchObject({ role: 'admin', personalClients: 0 })
    // The manager who serves the VIP clients shows as their personal manager, with how many.
    const vip = await db.kysely.selectFrom('clients').select('id').where('personal_manager_id', '=', base.managerId).execute()
    expect(vip.length).toBeGreaterThan(0)
    expect(list.json().items.find((u: { id: number }) => u.id === base.managerId)).toMatchObject({ role: 'manager', personalClients: vip.length })
    expect(JSON.stringify(list.json())).not.toMatch(/password/i)
    expect((await request('POST', '/api/users', { login: 'x', fullName: 'X', role: 'analyst', password: 'long enough' }, cookie)).statusCode).toBe(403)
    expect((await request('PATCH', `/api/users/${adminId}`, { active: false }, cookie)).statusCode).toBe(403)
  })
})

describe('GET /api/roles', () => {
  it('lists every role with the personal fields it may see, for the auditor too', async () => {
    const { cookie } = await signIn(app, db, 'auditor')
    const response = await request('GET', '/api/roles', undefined, cookie)
    expect(response.statusCode).toBe(200)
    const items = response.json().items
    expect(items.map((i: { role: string }) => i.role)).toEqual([...ROLES])
    expect(items.find((i: { role: string }) => i.role === 'operator').personalFields).toEqual([...CLEARANCE.operator])
    expect(items.find((i: { role: string }) => i.role === 'auditor').personalFields).toEqual([])
  })
})
