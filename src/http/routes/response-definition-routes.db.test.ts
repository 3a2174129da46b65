import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { runImport } from '../../app/import/run-import.ts'
import type { Database } from '../../db/open-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedProgramWaves } from '../../../test/seed-program-waves.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import type { App } from '../build-server.ts'

// Issue 9, item 2, end to end: two programs state what counts as their response, a file of the
// clients' product openings comes without a program, and each opening counts for one program —
// in target and control alike — in the summary the verdict reads; an opening outside every window
// is kept, unattributed.
let db: Database
let app: App
let economist: string
let marketer: string
let cards: number
let deposits: number
const files = makeTempDir()

beforeAll(async () => {
  db = await openTestDatabase()
  await sql`INSERT INTO products (code, type, name) VALUES ('CC-GOLD','credit_card','Золотая карта'), ('DEP-12','term_deposit','Вклад 12 мес')`.execute(db.kysely)
  await db.kysely.insertInto('clients').values(['E1', 'E2', 'E3', 'E4'].map((bank_id) => ({ bank_id, full_name: bank_id }))).execute()
  // Cards: a wave on 1 March (E1 target, E2 control). Deposits: a wave on 10 March (E1 target, E3 control).
  cards = (await seedProgramWaves(db, { code: 'CARDS', waves: [{ builtAt: '2026-03-01T09:00:00Z', members: { E1: 'target', E2: 'control' } }] })).waveIds[0]
  deposits = (await seedProgramWaves(db, { code: 'DEPS', waves: [{ builtAt: '2026-03-10T09:00:00Z', members: { E1: 'target', E3: 'control' } }] })).waveIds[0]
  app = await buildTestServer(db)
  economist = (await signIn(app, db, 'program_economist')).cookie
  marketer = (await signIn(app, db, 'marketer')).cookie
})
afterAll(async () => {
  await app.close()
  await db.close()
  files.remove()
})

const put = (code: string, definition: unknown, cookie = economist) =>
  app.inject({ method: 'PUT', url: `/api/programs/${code}/response-definition`, headers: { cookie }, payload: { definition } })

describe('response definitions and the attribution of events', () => {
  it('states the rules, refuses a bad one naming the field, and lets only the program\'s writers change them', async () => {
    const bad = await put('CARDS', { rules: [{ type: 'conversion', productType: 'spaceship' }] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().details).toMatchObject({ code: 'request.invalid', field: 'rules.0.productType' })
    expect((await put('CARDS', { rules: [] })).json().details).toMatchObject({ field: 'rules' })
    expect((await put('CARDS', { rules: [{ type: 'conversion' }] }, marketer)).statusCode).toBe(403)
    const set = await put('CARDS', { rules: [{ type: 'conversion', productType: 'credit_card' }] })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toEqual({ program: 'CARDS', definition: { rules: [{ type: 'conversion', productType: 'credit_card' }], priority: 100 }, windowDays: 30 })
    expect((await put('DEPS', { rules: [{ type: 'balance', productType: 'term_deposit', minValue: '50000' }], priority: 10 })).statusCode).toBe(200)
    const read = await app.inject({ method: 'GET', url: '/api/programs/DEPS/response-definition', headers: { cookie: marketer } })
    expect(read.json()).toMatchObject({ definition: { priority: 10 }, windowDays: 30 })
    const audit = await db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'program.response_definition.update').execute()
    expect(audit.map((a) => a.entity_id)).toEqual(['CARDS', 'DEPS'])
  })

  it('imports events without a program and gives each to one program, control members alike', async () => {
    const file = files.write('openings.csv', [
      'ИД клиента;Тип;Дата;Сумма;Продукт',
      'E1;conversion;05.03.2026;;CC-GOLD', // cards (E1 target), in window
      'E2;conversion;20.03.2026;;CC-GOLD', // cards, control
      'E1;balance;12.03.2026;75000;DEP-12', // deposits (the later wave), target
      'E3;balance;12.03.2026;10000;DEP-12', // below the deposit rule's minimum: unattributed
      'E2;conversion;15.05.2026;;CC-GOLD', // outside the 30-day window: unattributed
      'E4;conversion;05.03.2026;;CC-GOLD', // in no wave: unattributed
      'E4;conversion;06.03.2026;;NO-SUCH', // unknown product: rejected
    ].join('\n'))
    const outcome = await runImport(db, { kind: 'responses', path: file, fileName: 'openings.csv', dryRun: false, user: { id: null, login: 'test' }, today: '2026-12-02' })
    expect(outcome).toMatchObject({ status: 'done', loaded: 6, rejected: 1, attribution: { events: 6, attributed: 3, unattributed: 3, byProgram: { CARDS: 2, DEPS: 1 } } })

    const summary = async (code: string) => (await app.inject({ method: 'GET', url: `/api/programs/${code}/responses/summary`, headers: { cookie: economist } })).json()
    const c = (await summary('CARDS')).waves.find((w: { id: number }) => w.id === cards)
    expect([c.target.types.conversion.responders, c.control.types.conversion.responders]).toEqual([1, 1])
    const d = (await summary('DEPS')).waves.find((w: { id: number }) => w.id === deposits)
    expect([d.target.types.balance.responders, d.target.types.balance.valueSum, d.control.types.balance.responders]).toEqual([1, '75000.00', 0])

    // A changed rule takes effect at the next run: the deposit minimum lowered, E3's deposit counts.
    await put('DEPS', { rules: [{ type: 'balance', productType: 'term_deposit', minValue: '5000' }], priority: 10 })
    const again = await app.inject({ method: 'POST', url: '/api/responses/attribute', headers: { cookie: economist } })
    expect(again.json()).toEqual({ scope: 'all', events: 6, attributed: 4, unattributed: 2, byProgram: { CARDS: 2, DEPS: 2 } })
    expect((await app.inject({ method: 'POST', url: '/api/responses/attribute', headers: { cookie: marketer } })).statusCode).toBe(403)
  })

  it('breaks the pilot\'s uplift down by segment and age band, each level against its own control, with adjusted p-values', async () => {
    const k = db.kysely
    const ids = Array.from({ length: 40 }, (_, i) => `F${i + 1}`)
    await k.insertInto('clients').values(ids.map((bank_id) => ({ bank_id, full_name: bank_id }))).execute()
    const clients = await k.selectFrom('clients').select(['id', 'bank_id']).where('bank_id', 'in', ids).execute()
    const number = (bankId: string) => Number(bankId.slice(1))
    // F1–F24 mass, F25–F40 premium; born 1995 (odd numbers) or 1960 (even): 30 or 66 at the wave.
    const profile = clients.map((c) => sql`(${c.id}, ${number(c.bank_id) <= 24 ? 'mass' : 'premium'}, 'active', false, false, ${number(c.bank_id) % 2 ? '1995-06-01' : '1960-06-01'}::date)`)
    await sql`INSERT INTO client_profile (client_id, segment, status, vip, do_not_contact, birth_date) VALUES ${sql.join(profile)}`.execute(k)
    const members = Object.fromEntries(ids.map((id) => [id, number(id) % 4 === 0 ? 'control' as const : 'target' as const]))
    const { programId, waveIds } = await seedProgramWaves(db, { code: 'BRK', waves: [{ builtAt: '2026-04-01T09:00:00Z', members }] })
    // Conversions: every third target member, and control members F4 and F28.
    const responders = clients.filter((c) => (members[c.bank_id] === 'target' && number(c.bank_id) % 3 === 0) || ['F4', 'F28'].includes(c.bank_id))
    await k.insertInto('responses').values(responders.map((c) => ({
      client_id: c.id, program_id: programId, wave_id: waveIds[0], type: 'conversion' as const, responded_at: '2026-04-10T10:00:00Z', source: 'api' as const,
    }))).execute()

    const get = (query: string, cookie = economist) => app.inject({ method: 'GET', url: `/api/programs/BRK/breakdown?${query}`, headers: { cookie } })
    const bySegment = await get('by=segment&response=conversion')
    expect(bySegment.statusCode, bySegment.body).toBe(200)
    const view = bySegment.json()
    // mass: target F1–F24 minus F4, F8, …, F24 = 18, of them F3, F6, F9, F15, F18, F21 respond; control 6, F4 responds.
    expect(view.rows.map((r: { level: string; target: { n: number; x: number }; control: { n: number; x: number } }) => [r.level, r.target.n, r.target.x, r.control.n, r.control.x]))
      .toEqual([['mass', 18, 6, 6, 1], ['premium', 12, 4, 4, 1]])
    for (const r of view.rows) expect(r.pHolm).toBeGreaterThanOrEqual(r.p)
    expect(view).toMatchObject({ wave: waveIds[0], by: 'segment', response: 'conversion', alpha: 0.05, window: { days: 30 }, skipped: [] })

    const byAge = (await get('by=age_band&response=conversion')).json()
    // The 30-year-olds (odd numbers) are all in target: nothing to compare them with, so skipped.
    expect(byAge.rows.map((r: { level: string }) => r.level)).toEqual(['65+'])
    expect(byAge.skipped).toEqual([{ level: '25-34', name: null, target: 20, control: 0 }])
    expect((await get('by=shoe_size&response=conversion')).statusCode).toBe(400)
    expect((await get('by=segment&response=conversion', marketer)).statusCode).toBe(403)
  })
})
