import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'

let db: Database
let app: App
let now = new Date('2026-03-02T09:00:00Z')
beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db, () => now)
  await createTestUser(db, 'analyst')
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const login = (password: string, who = 'analyst') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: who, password } })

describe('auth', () => {
  it('answers health without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('sets an HttpOnly SameSite=Strict session cookie on login, and me answers with it', async () => {
    const response = await login('pw')
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'otklik_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `otklik_session=${cookie.value}` } })
    expect(me.json().user.role).toBe('analyst')
  })

  it('answers 401 to a wrong password and to an unknown login', async () => {
    expect((await login('nope')).statusCode).toBe(401)
    expect((await login('pw', 'nobody')).statusCode).toBe(401)
  })

  it('answers 400 naming the field when the body is malformed', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/password/)
    const garbage = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{nope' })
    expect(garbage.statusCode).toBe(400)
  })

  it('throttles a login after repeated failures, even with the right password', async () => {
    await createTestUser(db, 'marketer')
    for (let i = 0; i < 5; i++) expect((await login('bad', 'marketer')).statusCode).toBe(401)
    expect((await login('pw', 'marketer')).statusCode).toBe(429)
    now = new Date(now.getTime() + 16 * 60_000)
    expect((await login('pw', 'marketer')).statusCode).toBe(200)
  })

  it('expires sessions and ends them on logout', async () => {
    const { cookie } = await signIn(app, db, 'head')
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    expect((await me()).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200)
    expect((await me()).statusCode).toBe(401)
    const second = await signIn(app, db, 'head')
    now = new Date(now.getTime() + 13 * 3_600_000)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second.cookie } })).statusCode).toBe(401)
  })
})
