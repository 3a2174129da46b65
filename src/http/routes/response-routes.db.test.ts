import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedProgramWaves } from '../../../test/seed-program-waves.ts'
import { multipart } from '../../../test/multipart-body.ts'
import type { App } from '../build-server.ts'

// The responses of a program through the API: one recorded (201, or 200 for the same one again),
// refusals that name the field and the rule, and the summary per wave × group × type.
let db: Database
let app: App
let economist: string
let head: string
let marketer: string
let admin: string
let pilot: number
let programId: number
let clientId: number

beforeAll(async () => {
  db = await openTestDatabase()
  await db.kysely.insertInto('clients').values(['A1', 'A2', 'A3', 'A4'].map((bank_id) => ({ bank_id, full_name: bank_id }))).execute()
  clientId = (await db.kysely.selectFrom('clients').select('id').where('bank_id', '=', 'A2').executeTakeFirstOrThrow()).id
  const seeded = await seedProgramWaves(db, { code: 'DEP-1', waves: [{ builtAt: '2026-03-01T09:00:00Z', members: { A1: 'target', A3: 'target', A2: 'control' } }] })
  pilot = seeded.waveIds[0]
  programId = seeded.programId
  app = await buildTestServer(db)
  economist = (await signIn(app, db, 'program_economist')).cookie
  head = (await signIn(app, db, 'head')).cookie
  marketer = (await signIn(app, db, 'marketer')).cookie
  admin = (await signIn(app, db, 'admin')).cookie
})
afterAll(async () => {
  await app.close()
  await db.close()
})

function record(body: unknown, cookie = economist, code = 'DEP-1') {
  return app.inject({ method: 'POST', url: `/api/programs/${code}/responses`, headers: { cookie }, payload: body as object })
}

describe('POST /api/programs/:code/responses', () => {
  it('stores the response, attributed to the wave and group, with an exact value; the same one again is updated', async () => {
    const first = await record({ bankId: 'A1', type: 'balance', respondedAt: '2026-04-01T10:00:00+03:00', value: 150000.5 })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      program: 'DEP-1', bankId: 'A1', waveId: pilot, group: 'target', type: 'balance', respondedAt: '2026-04-01T07:00:00.000Z', value: '150000.50', source: 'api', created: true,
    })
    const again = await record({ bankId: 'A1', type: 'balance', respondedAt: '2026-04-01T07:00:00Z', value: 200000 })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id: first.json().id, value: '200000.00', created: false })
    const byId = await record({ clientId, type: 'conversion', respondedAt: '2026-04-02' })
    expect(byId.statusCode, byId.body).toBe(201)
    expect(byId.json()).toMatchObject({ bankId: 'A2', group: 'control', value: null })
    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'response.record').execute()
    expect(audit).toHaveLength(3)
  })

  it.each([
    [{ type: 'reply', respondedAt: '2026-04-01' }, 'bankId', 'request.invalid'],
    [{ bankId: 'A1', clientId: 1, type: 'reply', respondedAt: '2026-04-01' }, 'bankId', 'request.invalid'],
    [{ bankId: 'A1', type: 'purchase', respondedAt: '2026-04-01' }, 'type', 'request.invalid'],
    [{ bankId: 'A1', type: 'reply', respondedAt: '31.04.2026' }, 'respondedAt', 'request.invalid'],
    [{ bankId: 'A1', type: 'reply', respondedAt: '2099-01-01' }, 'respondedAt', 'response.future_time'],
    [{ bankId: 'A1', type: 'spend', respondedAt: '2026-04-01' }, 'value', 'response.value_required'],
    [{ bankId: 'A1', type: 'spend', respondedAt: '2026-04-01', value: -1 }, 'value', 'response.negative_value'],
    [{ bankId: 'A1', type: 'spend', respondedAt: '2026-04-01', value: 1.005 }, 'value', 'response.fractional_kopecks'],
    [{ bankId: 'NOBODY', type: 'reply', respondedAt: '2026-04-01' }, 'bankId', 'response.unknown_client'],
    [{ bankId: 'A4', type: 'reply', respondedAt: '2026-04-01' }, 'bankId', 'response.not_member'],
    [{ bankId: 'A1', type: 'reply', respondedAt: '2026-02-01' }, 'respondedAt', 'response.before_wave'],
  ])('refuses %j with 400 naming %s (%s)', async (body, field, code) => {
    const response = await record(body)
    expect(response.statusCode, response.body).toBe(400)
    const details = response.json().details
    expect(details.code).toBe(code)
    expect(details.field ?? details.column).toBe(field)
  })

  it('answers 404 for an unknown program and 403 for a role that may not record', async () => {
    const unknown = await record({ bankId: 'A1', type: 'reply', respondedAt: '2026-04-01' }, economist, 'NOPE')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().details).toEqual({ code: 'program.not_found', id: 'NOPE' })
    expect((await record({ bankId: 'A1', type: 'reply', respondedAt: '2026-04-01' }, head)).statusCode).toBe(403)
    expect((await record({ bankId: 'A1', type: 'reply', respondedAt: '2026-04-01' }, marketer)).statusCode).toBe(403)
  })
})

describe('GET /api/programs/:code/responses/summary', () => {
  it('counts members, responders, responses and exact value sums per wave × group × type, zeros included', async () => {
    await record({ bankId: 'A3', type: 'balance', respondedAt: '2026-04-03', value: 0.1 })
    await record({ bankId: 'A3', type: 'balance', respondedAt: '2026-04-04', value: 0.2 })
    const response = await app.inject({ method: 'GET', url: '/api/programs/DEP-1/responses/summary', headers: { cookie: head } })
    expect(response.statusCode, response.body).toBe(200)
    const [wave] = response.json().waves
    expect(wave).toMatchObject({ id: pilot, kind: 'pilot', builtAt: '2026-03-01T09:00:00.000Z' })
    expect(wave.target.members).toBe(2)
    expect(wave.control.members).toBe(1)
    // A1: 200 000 (one response); A3: 0.1 + 0.2 = 0.3 exactly, never 0.30000000000000004.
    expect(wave.target.types.balance).toEqual({ responders: 2, responses: 3, valueSum: '200000.30', valueSumOfSquares: '40000000000.0900' })
    expect(wave.control.types.conversion).toEqual({ responders: 1, responses: 1, valueSum: '0', valueSumOfSquares: '0' })
    expect(wave.control.types.spend).toEqual({ responders: 0, responses: 0, valueSum: '0', valueSumOfSquares: '0' })
    expect(Object.keys(wave.target.types)).toEqual(['reply', 'visit', 'application', 'conversion', 'spend', 'balance'])
    expect((await app.inject({ method: 'GET', url: '/api/programs/NOPE/responses/summary', headers: { cookie: head } })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/programs/DEP-1/responses/summary', headers: { cookie: marketer } })).statusCode).toBe(403)
  })

  it('lists the programs with waves for the import form', async () => {
    await seedProgramWaves(db, { code: 'NO-WAVES', waves: [] })
    const response = await app.inject({ method: 'GET', url: '/api/responses/programs', headers: { cookie: economist } })
    expect(response.json()).toEqual({ items: [{ code: 'DEP-1', name: 'Программа DEP-1', waves: 1 }] })
  })
})

describe('GET /api/programs/:code/results', () => {
  it("compares the wave's target with its control per response type, to the program's money readers", async () => {
    // Within 30 days of the build (2026-03-01): two target members spend, the control member visits; April's responses are outside.
    for (const [bankId, type, value] of [['A1', 'spend', 100], ['A3', 'spend', 50.5], ['A2', 'visit', undefined]] as const) {
      expect((await record({ bankId, type, respondedAt: '2026-03-10', ...(value !== undefined && { value }) })).statusCode).toBe(201)
    }
    // An event that came without a program (an application in core banking), attributed to the wave, counts as the verdict counts it.
    const event = await db.kysely.insertInto('responses').values({ client_id: clientId, type: 'application', responded_at: '2026-03-12T10:00:00Z', source: 'import' }).returning('id').executeTakeFirstOrThrow()
    await db.kysely.insertInto('response_attributions').values({ client_id: clientId, response_id: event.id, program_id: programId, wave_id: pilot, group: 'control' }).execute()
    const response = await app.inject({ method: 'GET', url: '/api/programs/DEP-1/results', headers: { cookie: head } })
    expect(response.statusCode, response.body).toBe(200)
    const results = response.json()
    expect(results).toMatchObject({ program: 'DEP-1', window_days: 30 })
    expect(results.arms.map((a: { response: string }) => a.response)).toEqual(['visit', 'application', 'spend'])
    const [visit, application, spend] = results.arms
    expect(application).toMatchObject({ responders: 0, control: { members: 1, responders: 1 } })
    expect(visit).toMatchObject({ arm: `wave ${pilot}`, wave: pilot, offer: null, members: 2, responders: 0, rate: 0, uplift: -1, test: 'fisher', control: { members: 1, responders: 1, rate: 1 } })
    expect(spend).toMatchObject({ members: 2, responders: 2, rate: 1, uplift: 1, value_per_member: 75.25, control: { value_per_member: 0 }, value_uplift: null })
    expect((await app.inject({ method: 'GET', url: '/api/programs/NOPE/results', headers: { cookie: head } })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/programs/DEP-1/results', headers: { cookie: marketer } })).statusCode).toBe(403)
  })
})

describe('GET /api/programs/:code/response-curve', () => {
  it('counts, day by day since the wave, the members of each group who responded within d days (hand-counted)', async () => {
    // The wave was built 2026-03-01 09:00 UTC; its window is 30 days, closed by now. Replies:
    // A1 (target) at 10:00 the same day, day 0, and again on day 4 (a member counts once, from the first);
    // A3 (target) at 09:00 on 03-03, exactly 2 days on, day 2; A2 (control) at 08:59 on 03-02, day 0;
    // A3 again at 03-31 09:00, the window's end, outside it.
    for (const [bankId, at] of [['A1', '2026-03-01T10:00:00Z'], ['A1', '2026-03-05T10:00:00Z'], ['A3', '2026-03-03T09:00:00Z'], ['A2', '2026-03-02T08:59:00Z'], ['A3', '2026-03-31T09:00:00Z']]) {
      expect((await record({ bankId, type: 'reply', respondedAt: at })).statusCode).toBe(201)
    }
    const response = await app.inject({ method: 'GET', url: '/api/programs/DEP-1/response-curve', headers: { cookie: head } })
    expect(response.statusCode, response.body).toBe(200)
    const view = response.json()
    expect(view).toMatchObject({ program: 'DEP-1', window_days: 30 })
    const reply = view.curves.filter((c: { response: string }) => c.response === 'reply')
    expect(reply.map((c: { wave: number | null }) => c.wave)).toEqual([null, pilot])
    const points = reply[1].points
    expect(points).toHaveLength(31)
    // Within d days: target 0, 1, 1, 2, …, 2 of 2; control 0, 1, …, 1 of 1.
    expect(points.slice(0, 4).map((p: { target: { responders: number }; control: { responders: number } }) => [p.target.responders, p.control.responders])).toEqual([[0, 0], [1, 1], [1, 1], [2, 1]])
    expect(points[30]).toEqual({ day: 30, target: { members: 2, responders: 2, share: 1 }, control: { members: 1, responders: 1, share: 1 } })
    expect(points[1].target.share).toBe(0.5)
    // One wave: the program's curve is the wave's.
    expect(reply[0].points).toEqual(points)
    // The results' arms carry the same curve, ending at their rates.
    const results = (await app.inject({ method: 'GET', url: '/api/programs/DEP-1/results', headers: { cookie: head } })).json()
    const replyArm = results.arms.find((a: { response: string }) => a.response === 'reply')
    expect(replyArm.curve).toEqual(points)
    for (const arm of results.arms) expect([arm.curve.at(-1).target.share, arm.curve.at(-1).control.share]).toEqual([arm.rate, arm.control.rate])
    const one = await app.inject({ method: 'GET', url: `/api/programs/DEP-1/response-curve?wave=${pilot}`, headers: { cookie: head } })
    expect(one.json().curves.every((c: { wave: number }) => c.wave === pilot)).toBe(true)
    expect((await app.inject({ method: 'GET', url: `/api/programs/DEP-1/response-curve?wave=${pilot + 1000}`, headers: { cookie: head } })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/api/programs/DEP-1/response-curve', headers: { cookie: marketer } })).statusCode).toBe(403)
  })
})

describe('POST /api/imports of responses', () => {
  async function upload(fields: Record<string, string>, cookie = economist, path = '/api/imports') {
    const form = multipart(fields, { name: 'responses.csv', content: 'client_id;type;responded_at;value\r\nA1;visit;05.04.2026;\r\nA4;visit;05.04.2026;\r\n' })
    return app.inject({ method: 'POST', url: path, headers: { cookie, ...form.headers }, payload: form.payload })
  }

  it('takes the program as a form field, shows it in the history, and rejects the non-member by line', async () => {
    const started = await upload({ kind: 'responses', program: 'DEP-1' })
    expect(started.statusCode, started.body).toBe(202)
    let record
    for (let i = 0; i < 200 && (record = (await app.inject({ method: 'GET', url: `/api/imports/${started.json().id}`, headers: { cookie: head } })).json()).status.match(/^(queued|running)$/); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(record).toMatchObject({ kind: 'responses', program: 'DEP-1', status: 'done', loaded: 1, rejected: 1 })
    expect(record.rejections).toEqual([expect.objectContaining({ line: 3, reasons: [expect.objectContaining({ code: 'response.not_member' })] })])
    // The economist who loaded it reads its result and rejected rows; imports of the client base
    // are not theirs to read (their rows hold clients' phones and e-mails).
    const id = started.json().id
    expect((await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: economist } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/api/imports/${id}/rejections`, headers: { cookie: economist } })).statusCode).toBe(200)
    const clientsImport = await upload({ kind: 'clients' }, admin)
    expect(clientsImport.statusCode).toBe(202)
    const denied = await app.inject({ method: 'GET', url: `/api/imports/${clientsImport.json().id}`, headers: { cookie: economist } })
    expect(denied.statusCode).toBe(403)
    expect(denied.json().details).toEqual({ code: 'import.read_forbidden', role: 'program_economist', kind: 'clients' })
    // Their history lists only what they may open; the head's lists both.
    const theirs = (await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: economist } })).json()
    expect(theirs.items.map((item: { id: number }) => item.id)).toContain(id)
    expect(theirs.items.map((item: { kind: string }) => item.kind)).not.toContain('clients')
    expect(theirs.total).toBe(theirs.items.length)
    const heads = (await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: head } })).json()
    expect(heads.items.map((item: { kind: string }) => item.kind)).toEqual(expect.arrayContaining(['responses', 'clients']))
  })

  it('takes a file without a program as the clients\' events; refuses an unknown program, a program for another kind, and a role that may not load the kind', async () => {
    const events = await upload({ kind: 'responses' })
    expect(events.statusCode, events.body).toBe(202)
    let record
    for (let i = 0; i < 200 && (record = (await app.inject({ method: 'GET', url: `/api/imports/${events.json().id}`, headers: { cookie: head } })).json()).status.match(/^(queued|running)$/); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // Both rows are kept: events need no wave; attribution gives them to programs afterwards.
    expect(record).toMatchObject({ kind: 'responses', program: null, status: 'done', loaded: 2, rejected: 0 })
    const unknown = await upload({ kind: 'responses', program: 'NOPE' })
    expect(unknown.statusCode).toBe(404)
    expect((await upload({ kind: 'clients', program: 'DEP-1' }, admin)).json().details.code).toBe('import.program_not_for_kind')
    const notTheirs = await upload({ kind: 'clients' })
    expect(notTheirs.statusCode).toBe(403)
    expect(notTheirs.json().details).toEqual({ code: 'import.kind_forbidden', role: 'program_economist', kind: 'clients' })
    expect((await upload({ kind: 'responses', program: 'DEP-1' }, admin)).statusCode).toBe(403)
    // The preview checks the program as the import will.
    expect((await upload({ kind: 'responses', program: 'NOPE' }, economist, '/api/imports/preview')).statusCode).toBe(404)
    const preview = await upload({ kind: 'responses', program: 'DEP-1' }, economist, '/api/imports/preview')
    expect(preview.json()).toMatchObject({ kind: 'responses', suggestedMapping: { bank_id: 'client_id', type: 'type', responded_at: 'responded_at', value: 'value' } })
  })
})
