import { afterAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedCallWave } from '../../../test/seed-call-wave.ts'

// The call centre over HTTP: the economist builds the list, the operator works it, the head reads the board.
const T0 = new Date('2026-12-03T09:00:00Z')
let now = T0
const db = await openTestDatabase()
const app = await buildTestServer(db, () => now)
const economist = (await signIn(app, db, 'program_economist')).cookie
const operator = (await signIn(app, db, 'operator')).cookie
const head = (await signIn(app, db, 'head')).cookie
const wave = await seedCallWave(db, { code: 'HTTP', members: 5 })

afterAll(async () => {
  await app.close()
  await db.close()
})

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) => app.inject({ method, url, headers: { cookie }, ...(payload !== undefined && { payload: payload as object }) })

describe('/api/call-centre', () => {
  it('builds a list, hands the operator the next client and records the outcome', async () => {
    const built = await call('POST', `/api/call-centre/waves/${wave.waveId}/list`, economist, { operators: [{ login: 'operator', capacity: 2 }] })
    expect(built.statusCode).toBe(201)
    expect(built.json()).toMatchObject({ wave: wave.waveId, tasks: 5, pool: 3, operators: [{ login: 'operator', assigned: 2 }] })

    const next = await call('GET', '/api/call-centre/next', operator)
    expect(next.statusCode).toBe(200)
    const card = next.json().card
    expect(card.client.dialNumber).toMatch(/^\+7912\d{7}$/)
    expect(card.offer.callScript.objections[0].objection).toBe('Мне не нужна карта')

    const body = { clientId: card.task.clientId, waveId: wave.waveId, technical: 'no_answer', business: 'agreed' }
    const refused = await call('POST', '/api/call-centre/outcome', operator, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toMatchObject({ code: 'call.business_outcome_unreached' })

    now = new Date(T0.getTime() + 90_000)
    const recorded = await call('POST', '/api/call-centre/outcome', operator, { ...body, technical: 'connected', callbackAt: null })
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json()).toEqual({ status: 'done', nextAttemptAt: null, closeReason: null })

    const board = await call('GET', '/api/call-centre/board', head)
    expect(board.json().waves[0]).toMatchObject({ programCode: 'HTTP', tasks: 5, called: 1, reached: 1, agreed: 1, conversion: 1, avgHandleSeconds: 90 })
    expect(board.json().operators).toEqual([expect.objectContaining({ login: 'operator', assigned: 2, attempts: 1, reachRate: 1 })])
  })

  it('names the active operators a list can be dealt to, for its economist only', async () => {
    await createTestUser(db, 'operator', 'retired_operator')
    await db.kysely.updateTable('users').set({ active: false }).where('login', '=', 'retired_operator').execute()
    await createTestUser(db, 'operator', 'anna')
    await db.kysely.updateTable('users').set({ full_name: 'Абрамова Анна Петровна' }).where('login', '=', 'anna').execute()
    const listed = await call('GET', '/api/call-centre/operators', economist)
    const items: { login: string; fullName: string }[] = listed.json().items
    expect(items).toContainEqual({ login: 'anna', fullName: 'Абрамова Анна Петровна' })
    expect(items).toContainEqual({ login: 'operator', fullName: 'Test operator' })
    expect(items.map((o) => o.login)).not.toContain('retired_operator')
    expect((await call('GET', '/api/call-centre/operators', operator)).statusCode).toBe(403)
  })

  it('keeps a program\'s attempt policy, the head or its economist setting it', async () => {
    expect((await call('GET', '/api/programs/HTTP/call-policy', operator)).json()).toMatchObject({ isDefault: true, policy: { maxAttempts: 5 } })
    const policy = { maxAttempts: 3, redialMinutes: { no_answer: 60, busy: 15, answering_machine: 120 } }
    expect((await call('PUT', '/api/programs/HTTP/call-policy', economist, policy)).json()).toEqual({ program: 'HTTP', policy, isDefault: false })
    expect((await call('PUT', '/api/programs/HTTP/call-policy', economist, { ...policy, maxAttempts: 0 })).statusCode).toBe(400)
    expect((await call('PUT', '/api/programs/HTTP/call-policy', operator, policy)).statusCode).toBe(403)
  })

  it('routes the agreed client as a lead to their personal manager, and not to another manager', async () => {
    const attempt = await db.kysely.selectFrom('call_attempts').select('client_id').where('business', '=', 'agreed').executeTakeFirstOrThrow()
    const managerId = await createTestUser(db, 'manager')
    await createTestUser(db, 'manager', 'manager2')
    await db.kysely.updateTable('clients').set({ personal_manager_id: managerId }).where('id', '=', attempt.client_id).execute()
    const own = await call('GET', '/api/leads', (await signIn(app, db, 'manager')).cookie)
    expect(own.json()).toEqual([expect.objectContaining({
      clientId: Number(attempt.client_id), programCode: 'HTTP', outcome: 'agreed', route: 'personal_manager', operatorLogin: 'operator',
      source: 'call', status: 'new', allowedMoves: ['in_work', 'lost'], offerCode: 'HTTP-OFFER', waveId: wave.waveId,
    })])
    // The agreed call is the wave's response too: an application, recorded by the app.
    const responses = await db.kysely.selectFrom('responses').select(['type', 'source', 'wave_id']).where('client_id', '=', attempt.client_id).execute()
    expect(responses).toEqual([{ type: 'application', source: 'call', wave_id: wave.waveId }])
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'manager2', password: 'pw' } })
    const cookie = `otklik_session=${other.cookies.find((c) => c.name === 'otklik_session')!.value}`
    expect((await call('GET', '/api/leads', cookie)).json()).toEqual([])
    expect((await call('GET', '/api/leads', head)).json()).toHaveLength(1)
    expect((await call('GET', '/api/leads', operator)).statusCode).toBe(403)
  })
})
