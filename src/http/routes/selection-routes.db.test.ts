import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { saveBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { insertClients, sampleClients, seedReference } from '../../../test/random-bank.ts'

let db: Database
let app: App
let analyst: { cookie: string }
let head: { cookie: string }

beforeAll(async () => {
  db = await openTestDatabase()
  const { otherWaveId } = await seedReference(db)
  await insertClients(db, sampleClients(120, 5, 'S'), otherWaveId)
  await refreshProfile(db, TEST_TODAY)
  app = await buildTestServer(db, () => new Date(`${TEST_TODAY}T12:00:00Z`))
  analyst = await signIn(app, db, 'analyst')
  head = await signIn(app, db, 'head')
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const post = (url: string, payload: unknown, who = analyst) => app.inject({ method: 'POST', url, payload: payload as object, headers: who })

describe('selection and wave routes', () => {
  it('counts a rule with its breakdown, and refuses a bad rule with the path', async () => {
    const ok = await post('/api/selections/count', { rule: { field: 'status', op: 'eq', value: 'active' } })
    expect(ok.statusCode).toBe(200)
    const body = ok.json()
    expect(body.count).toBeGreaterThan(0)
    expect(body.bySegment.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(body.count)
    const bad = await post('/api/selections/count', { rule: { all: [{ field: 'age', op: 'gte', value: 18 }, { field: 'age', op: 'gte', value: [1] }] } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: 'invalid_input', details: { path: 'all[1].value' } })
  })

  it('saves selections, counts membership of a saved one, and refuses a cycle', async () => {
    const created = await post('/api/selections', { name: 'Active', rule: { field: 'status', op: 'eq', value: 'active' } })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    const direct = (await post('/api/selections/count', { rule: { field: 'status', op: 'eq', value: 'active' } })).json().count
    expect((await post('/api/selections/count', { rule: { field: 'selection', op: 'in', value: id } })).json().count).toBe(direct)
    const second = (await post('/api/selections', { name: 'Active VIP', rule: { all: [{ field: 'selection', op: 'in', value: id }, { field: 'vip', op: 'is_true' }] } })).json()
    const cycle = await app.inject({ method: 'PUT', url: `/api/selections/${id}`, headers: analyst, payload: { name: 'Active', rule: { field: 'selection', op: 'in', value: second.id } } })
    expect(cycle.statusCode).toBe(400)
    expect(cycle.json().message).toMatch(/refers to itself/)
    const duplicate = await post('/api/selections', { name: 'Active', rule: { field: 'vip', op: 'is_true' } })
    expect(duplicate.statusCode).toBe(409)
  })

  // Issue 6 D: seven small requests chained saved selections, each naming the previous one
  // hundreds of times, until any count of the last one expanded to 300^6 parts and took the server
  // down. Now the expanded rule is bounded on save, on update (of a selection others name) and on
  // count; the refusal names the limit and the chain, and the server keeps answering.
  it('refuses a chain of saved selections that expands into a bomb, on save, update and count', async () => {
    const marketer = await signIn(app, db, 'marketer')
    const names = (id: number, times: number) => ({ any: Array.from({ length: times }, () => ({ field: 'selection', op: 'in', value: id })) })
    const first = await post('/api/selections', { name: 'Bomb 1', rule: { any: [{ field: 'vip', op: 'is_true' }, { field: 'vip', op: 'is_false' }] } })
    expect(first.statusCode).toBe(201)
    const answers = [first]
    let accepted = first.json().id
    for (let k = 2; k <= 7; k++) {
      answers.push(await post('/api/selections', { name: `Bomb ${k}`, rule: names(accepted, 300) }))
      if (answers.at(-1)!.statusCode === 201) accepted = answers.at(-1)!.json().id
    }
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 400, 400, 400, 400, 400])
    const second = answers[1].json().id
    expect(answers[2].json()).toMatchObject({
      error: 'invalid_input',
      details: { code: 'rule.too_large', path: 'any[0].value', limit: 2000, nodes: 1 + 300 * 901, chain: `${second} → ${first.json().id}` },
    })

    // A chain that is small while it is built, then one selection at its bottom made large.
    let bottom = (await post('/api/selections', { name: 'Chain 1', rule: { field: 'vip', op: 'is_true' } })).json().id
    const chain = [bottom]
    for (let k = 2; k <= 7; k++) chain.push((await post('/api/selections', { name: `Chain ${k}`, rule: names(chain.at(-1)!, 2) })).json().id)
    const grown = await app.inject({ method: 'PUT', url: `/api/selections/${bottom}`, headers: analyst, payload: { name: 'Chain 1', rule: names(first.json().id, 300) } })
    expect(grown.statusCode).toBe(400)
    expect(grown.json().details).toMatchObject({ code: 'rule.too_large', limit: 2000 })
    bottom = chain.at(-1)!
    expect((await post('/api/selections/count', { rule: { field: 'selection', op: 'in', value: bottom } }, marketer)).statusCode).toBe(200)

    // A bomb stored before the limits existed is refused when anyone counts it.
    let id = second
    for (let k = 3; k <= 7; k++) {
      const row = await db.kysely.insertInto('selections').values({ name: `Old bomb ${k}`, rule: JSON.stringify(names(id, 300)) }).returning('id').executeTakeFirstOrThrow()
      id = row.id
    }
    const count = await post('/api/selections/count', { rule: { field: 'selection', op: 'in', value: id } }, marketer)
    expect(count.statusCode).toBe(400)
    let nodes = 901 // the second selection: 300 times the first (an any of two conditions)
    for (let k = 3; k <= 7; k++) nodes = 1 + 300 * nodes
    expect(count.json().details).toMatchObject({ code: 'rule.too_large', path: 'value', limit: 2000, nodes })
    expect(count.json().details.chain.split(' → ')).toHaveLength(7)
    const wave = await post('/api/waves/preview', { programCode: 'BOMB', rule: { field: 'selection', op: 'in', value: id }, channel: 'sms' })
    expect(wave.json().details).toMatchObject({ code: 'rule.too_large' })
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    expect((await post('/api/selections/count', { rule: { field: 'vip', op: 'is_true' } }, marketer)).statusCode).toBe(200)
  })

  it('previews a wave without freezing it, then builds it with the same numbers', async () => {
    const body = { programCode: 'XSELL', rule: { field: 'status', op: 'eq', value: 'active' }, channel: 'email', controlShare: 0.2 }
    const preview = await post('/api/waves/preview', body)
    expect(preview.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/waves?program=XSELL', headers: analyst })).json().total).toBe(0)
    const built = await post('/api/waves', body)
    expect(built.statusCode).toBe(201)
    const { wave, ...numbers } = built.json()
    expect(numbers).toEqual(preview.json())
    const fetched = (await app.inject({ method: 'GET', url: `/api/waves/${wave}`, headers: analyst })).json()
    expect(fetched).toMatchObject({ programCode: 'XSELL', target: numbers.target, control: numbers.control })
    const bySegment = fetched.bySegment as { target: number; control: number }[]
    expect(bySegment.reduce((s, b) => s + b.target, 0)).toBe(numbers.target)
    expect(bySegment.reduce((s, b) => s + b.control, 0)).toBe(numbers.control)
    const rebuilt = await post(`/api/waves/${wave}/rebuild`, {})
    expect(rebuilt.json()).toEqual(built.json())
  })

  it('lists and exports the members of a wave by group through the client list', async () => {
    const built = (await post('/api/waves', { programCode: 'LIST', rule: { field: 'status', op: 'eq', value: 'active' }, channel: 'letter', controlShare: 0.3 })).json()
    const list = (group: string) => app.inject({ method: 'GET', url: `/api/clients?wave=${built.wave}&group=${group}&limit=500`, headers: analyst })
    expect((await list('control')).json().total).toBe(built.control)
    expect((await list('target')).json().total).toBe(built.target)
    const file = await app.inject({ method: 'GET', url: `/api/clients/export?wave=${built.wave}&group=target&format=csv`, headers: analyst })
    expect(file.statusCode).toBe(200)
    // Target and control download under names of their own.
    expect(file.headers['content-disposition']).toMatch(new RegExp(`filename="wave-${built.wave}-target-\\d{4}-\\d{2}-\\d{2}\\.csv"`))
    const lines = file.body.trim().split('\r\n')
    expect(lines.length - 1).toBe(built.target)
    const audit = await db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'client.export').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ filter: { wave: built.wave, group: 'target' } })
    expect((await app.inject({ method: 'GET', url: '/api/clients?wave=0', headers: analyst })).statusCode).toBe(400)
  })

  it('lets the head change the contact policy, which the next wave applies', async () => {
    const current = (await app.inject({ method: 'GET', url: '/api/contact-policy', headers: head })).json()
    const stricter = { ...current.policy, channelCaps: { ...current.policy.channelCaps, email: { max: 0, days: 7 } } }
    const saved = await app.inject({ method: 'PUT', url: '/api/contact-policy', headers: head, payload: stricter })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().version).toBe(current.version + 1)
    const wave = (await post('/api/waves', { programCode: 'CAPPED', rule: { field: 'status', op: 'eq', value: 'active' }, channel: 'email' })).json()
    expect(wave.target + wave.control).toBe(0)
    expect((await app.inject({ method: 'PUT', url: '/api/contact-policy', headers: analyst, payload: stricter })).statusCode).toBe(403)
    const invalid = await app.inject({ method: 'PUT', url: '/api/contact-policy', headers: head, payload: { ...stricter, overallCap: { max: -1, days: 30 } } })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().message).toMatch(/overallCap/)
  })

  it("lets the program economist and the head set a program's policy overrides, which its next wave applies", async () => {
    const economist = await signIn(app, db, 'program_economist')
    const marketer = await signIn(app, db, 'marketer')
    const put = (who: { cookie: string }, overrides: unknown, code = 'OVR') => app.inject({ method: 'PUT', url: `/api/programs/${code}/policy`, headers: who, payload: { overrides } })
    const rule = { field: 'status', op: 'eq', value: 'active' }
    const before = (await post('/api/waves/preview', { programCode: 'OVR', rule, channel: 'sms' })).json()
    const removedBy = (wave: { funnel: { rule: string; removed: number }[] }, step: string) => wave.funnel.find((f) => f.rule === step)!.removed
    expect(before.target + before.control).toBeGreaterThan(0)

    expect((await put(analyst, { excludeOtherRunningPrograms: false })).statusCode).toBe(403)
    expect((await put(marketer, { excludeOtherRunningPrograms: false })).statusCode).toBe(403)
    expect((await put(economist, { overallCap: { max: -1, days: 30 } })).statusCode).toBe(400)
    expect((await put(economist, { quietDays: 3 })).statusCode).toBe(400) // not a part of the policy
    expect((await put(economist, {}, 'bad code')).statusCode).toBe(400)
    const saved = await put(economist, { excludeOtherRunningPrograms: false, channelCaps: { sms: { max: 0, days: 7 } } })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ programCode: 'OVR', overrides: { excludeOtherRunningPrograms: false }, applied: { excludeOtherRunningPrograms: false, channelCaps: { sms: { max: 0, days: 7 } } } })
    expect((await put(head, { excludeOtherRunningPrograms: false, channelCaps: { sms: { max: 0, days: 7 } } })).statusCode).toBe(200)
    const read = await app.inject({ method: 'GET', url: '/api/programs/OVR/policy', headers: marketer })
    expect(read.json()).toEqual(saved.json())

    const built = (await post('/api/waves', { programCode: 'OVR', rule, channel: 'sms' })).json()
    // No SMS at all for this program: everyone who passed the steps before the cap is capped now.
    expect(built.target + built.control).toBe(0)
    expect(removedBy(built, 'channel_cap')).toBe(before.target + before.control + removedBy(before, 'channel_cap') + removedBy(before, 'overall_cap') + removedBy(before, 'other_program'))
    const frozen = await db.kysely.selectFrom('waves').select('policy').where('id', '=', built.wave).executeTakeFirstOrThrow()
    expect(frozen.policy).toMatchObject({ excludeOtherRunningPrograms: false, channelCaps: { sms: { max: 0, days: 7 } } })
    const event = await db.kysely.selectFrom('audit_events').select(['action', 'login', 'entity_id']).where('action', '=', 'program.policy_overrides.update').orderBy('id').executeTakeFirstOrThrow()
    expect(event).toEqual({ action: 'program.policy_overrides.update', login: 'program_economist', entity_id: 'OVR' })
    expect((await app.inject({ method: 'GET', url: '/api/programs/NEW/policy', headers: marketer })).json()).toMatchObject({ overrides: {}, applied: { excludeOtherRunningPrograms: true } })
  })

  it('audits counts (with the rule), profile refreshes and wave builds under the user who asked', async () => {
    const rule = { field: 'segment', op: 'eq', value: 'premium' }
    const counted = (await post('/api/selections/count', { rule })).json()
    const refreshed = await post('/api/profile/refresh', {})
    expect(refreshed.statusCode).toBe(200)
    const built = (await post('/api/waves', { programCode: 'AUDITED', rule, channel: 'letter' })).json()
    const events = await db.kysely.selectFrom('audit_events').select(['action', 'login', 'entity_id', 'details']).where('login', '=', 'analyst').orderBy('id', 'desc').limit(3).execute()
    expect(events.reverse()).toMatchObject([
      { action: 'selection.count', details: { rule, count: counted.count } },
      { action: 'profile.refresh', details: { clients: 120 } },
      { action: 'wave.build', entity_id: String(built.wave), details: { program: 'AUDITED', target: built.target, control: built.control } },
    ])
  })
})

describe("the server's today", () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestServer(db, () => new Date('2026-03-14T21:30:00Z'))
  })
  afterAll(async () => {
    await app?.close()
  })

  // 21:30 UTC is 00:30 the next day in Moscow, the bank's zone by default.

  it('is the bank day in its zone, not the UTC date', async () => {
    const analyst = await signIn(app, db, 'analyst')
    const refresh = () => app.inject({ method: 'POST', url: '/api/profile/refresh', headers: analyst })
    expect((await refresh()).json().asOf).toBe('2026-03-15')
    await saveBankTimeZone(db.kysely, 'UTC')
    expect((await refresh()).json().asOf).toBe('2026-03-14')
    await saveBankTimeZone(db.kysely, 'Europe/Moscow')
  })
})
