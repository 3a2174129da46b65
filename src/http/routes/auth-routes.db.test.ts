import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { type App } from '../build-server.ts'
import { createLogger } from '../../logger.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildServerWithJobs, buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'

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

  it('throttles a login after repeated failures from one address, even with the right password', async () => {
    await createTestUser(db, 'marketer')
    for (let i = 0; i < 5; i++) expect((await login('bad', 'marketer')).statusCode).toBe(401)
    const refused = await login('pw', 'marketer')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ error: 'throttled', details: { code: 'auth.throttled', minutes: 15 } })
    now = new Date(now.getTime() + 16 * 60_000)
    expect((await login('pw', 'marketer')).statusCode).toBe(200)
  })

  // Counting failures per login alone let anyone lock any account out by failing on purpose.
  it('does not lock the real user out when an attacker fails from another address, and the window passes', async () => {
    await createTestUser(db, 'client_economist')
    const from = (address: string, password: string, who = 'client_economist') =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: who, password }, remoteAddress: address })
    for (let i = 0; i < 20; i++) expect([401, 429]).toContain((await from('203.0.113.66', `guess ${i}`)).statusCode)
    expect((await from('203.0.113.66', 'pw')).statusCode).toBe(429)
    expect((await from('198.51.100.7', 'pw')).statusCode).toBe(200)
    // Still refused at the attacker's address while its failures are in the window, and not after.
    now = new Date(now.getTime() + 10 * 60_000)
    expect((await from('203.0.113.66', 'pw')).statusCode).toBe(429)
    expect((await from('198.51.100.7', 'pw')).statusCode).toBe(200)
    now = new Date(now.getTime() + 6 * 60_000)
    expect((await from('203.0.113.66', 'pw')).statusCode).toBe(200)
  })

  it('throttles an address that sprays guesses over many logins, and only that address', async () => {
    const from = (address: string, who: string, password = 'Password1') =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: who, password }, remoteAddress: address })
    for (let i = 0; i < 30; i++) expect((await from('192.0.2.9', `user${i}`)).statusCode).toBe(401)
    expect((await from('192.0.2.9', 'analyst', 'pw')).statusCode).toBe(429)
    expect((await from('192.0.2.10', 'analyst', 'pw')).statusCode).toBe(200)
    now = new Date(now.getTime() + 16 * 60_000)
    expect((await from('192.0.2.9', 'analyst', 'pw')).statusCode).toBe(200)
  })

  it('takes the client address from X-Forwarded-For only behind a trusted proxy', async () => {
    const behindProxy = await buildServerWithJobs({ db, config: { sessionHours: 12, secureCookies: false, trustProxy: '127.0.0.1' }, logger: createLogger('silent'), now: () => now })
    const from = (app: App, client: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'head', password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } })
    await createTestUser(db, 'head')
    for (let i = 0; i < 5; i++) expect((await from(behindProxy, '203.0.113.1', 'bad')).statusCode).toBe(401)
    expect((await from(behindProxy, '203.0.113.1', 'pw')).statusCode).toBe(429)
    expect((await from(behindProxy, '203.0.113.2', 'pw')).statusCode).toBe(200)
    // Without trustProxy the header is the client's own word: ignored, the socket address counts.
    for (let i = 0; i < 5; i++) expect((await from(app, `203.0.113.${10 + i}`, 'bad')).statusCode).toBe(401)
    expect((await from(app, '203.0.113.99', 'pw')).statusCode).toBe(429)
    await behindProxy.close()
    now = new Date(now.getTime() + 16 * 60_000)
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
