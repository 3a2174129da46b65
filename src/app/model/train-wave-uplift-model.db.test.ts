import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedProgramWaves } from '../../../test/seed-program-waves.ts'
import { recordTestProfileVersion } from '../../../test/write-test-profile.ts'
import { createRandom } from '../../core/demo/create-random.ts'
import type { ProfileRow } from '../../core/selection/profile-row.ts'
import type { Database } from '../../db/open-database.ts'
import { countSelection } from '../selection/count-selection.ts'
import { trainWaveUpliftModel, UPLIFT_PAGE_SIZE } from './train-wave-uplift-model.ts'

// A past wave of 2 500 clients (more than one page of UPLIFT_PAGE_SIZE), half target, half control,
// whose e-mail persuades only clients earning over 150 000 ₽: they visit 45% of the time when
// e-mailed and 10% when not; everyone else 10% either way. A model trained on it must rank the
// well-off first, store every client's score, and feed a selection "uplift_score ≥ x".
const N = 2_500
const BUILT_AT = '2026-10-01T09:00:00.000Z'
const TODAY = '2026-12-03'
const actor = { id: null, login: 'cli:test' }

let db: Database
let waveId: number
const rich = new Set<number>()

beforeAll(async () => {
  expect(N).toBeGreaterThan(UPLIFT_PAGE_SIZE)
  db = await openTestDatabase()
  const random = createRandom(2026, 12, 3)
  const clients = await db.kysely
    .insertInto('clients')
    .values(Array.from({ length: N }, (_, i) => ({ bank_id: `U${i}`, full_name: `Клиент ${i}` })))
    .returning(['id', 'bank_id'])
    .execute()
  const profile: ProfileRow[] = clients.map((c, i) => {
    const income = Math.round(random.between(30_000, 300_000))
    if (income > 150_000) rich.add(c.id)
    return { ...blankProfile(c.id), birth_date: `19${50 + (i % 50)}-05-01`, gender: i % 2 ? 'M' : 'F', income, segment: i % 7 === 0 ? 'premium' : 'mass', turnover_12m: random.between(0, 1e6) }
  })
  // In pages: a statement takes at most 65 535 parameters.
  for (let at = 0; at < N; at += 500) await db.kysely.insertInto('client_profile').values(profile.slice(at, at + 500)).execute()
  await recordTestProfileVersion(db, TODAY)
  const members = Object.fromEntries(clients.map((c, i) => [c.bank_id, i % 2 === 0 ? 'target' : 'control'] as const))
  const seeded = await seedProgramWaves(db, { code: 'EMAIL-UP', waves: [{ builtAt: BUILT_AT, members }] })
  waveId = seeded.waveIds[0]
  const responders = clients.flatMap((c, i) => (random.chance(i % 2 === 0 && rich.has(c.id) ? 0.45 : 0.1) ? [c.id] : []))
  await db.kysely
    .insertInto('responses')
    .values(responders.map((clientId) => ({ client_id: clientId, program_id: seeded.programId, wave_id: waveId, type: 'visit', responded_at: '2026-10-05T12:00:00Z' })))
    .execute()
  // Outside the 30-day window: must not count.
  await db.kysely.insertInto('responses').values({ client_id: clients[1].id, program_id: seeded.programId, wave_id: waveId, type: 'visit', responded_at: '2026-11-20T12:00:00Z' }).execute()
}, 60_000)

afterAll(() => db?.close())

describe('trainWaveUpliftModel', () => {
  it('trains on the wave, stores a version, scores the base and feeds uplift_score', async () => {
    const first = await trainWaveUpliftModel(db.kysely, { waveId, approach: 'two_model', response: 'visit', today: TODAY, now: new Date(`${TODAY}T10:00:00Z`), actor, value: { marginPerResponse: 1000, costPerContact: 50 } })
    expect(first).toMatchObject({ version: 1, program: 'EMAIL-UP', wave: waveId, scored: N })
    expect(first.trained.nTest).toBe(Math.ceil(N / 3))
    // The model learnt who the e-mail persuades: its Qini on the held-out third is well above random.
    expect(first.trained.measures.qiniAucScore).toBeGreaterThan(0.2)
    const stored = await db.kysely.selectFrom('client_scores').select(sql<number>`count(*)::int`.as('n')).where('model_id', '=', first.modelId).executeTakeFirstOrThrow()
    expect(stored.n).toBe(N)
    expect(first.profit!.breakEvenScore).toBeCloseTo(0.05, 12)

    const count = async (rule: unknown) => (await countSelection({ db: db.kysely }, { rule, today: TODAY })).count
    const persuadable = { field: 'uplift_score', op: 'gte', value: 0.2 }
    const direct = async (modelId: number) =>
      (await sql<{ n: number; rich: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE client_id = ANY(${[...rich]}::bigint[]))::int AS rich
        FROM client_scores WHERE model_id = ${modelId} AND score >= 0.2`.execute(db.kysely)).rows[0]
    const expected = await direct(first.modelId)
    expect(expected.n).toBeGreaterThan(0)
    expect(expected.rich / expected.n).toBeGreaterThan(0.9)
    expect(await count(persuadable)).toBe(expected.n)
    expect(await count({ ...persuadable, program: 'EMAIL-UP' })).toBe(expected.n)
    expect(await count({ not: persuadable })).toBe(N - expected.n)

    // A model still being scored is not read; the next finished one is.
    await sql`INSERT INTO uplift_models (program_id, version, wave_id, response_type, approach, model, metrics)
      SELECT program_id, 99, wave_id, 'visit', 'two_model', model, metrics FROM uplift_models WHERE id = ${first.modelId}`.execute(db.kysely)
    expect(await count(persuadable)).toBe(expected.n)
    const second = await trainWaveUpliftModel(db.kysely, { waveId, approach: 'class_transformation', response: 'visit', today: TODAY, now: new Date(`${TODAY}T10:00:00Z`), actor })
    expect(second.version).toBe(100)
    expect(await count(persuadable)).toBe((await direct(second.modelId)).n)

    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'uplift_model.train').execute()
    expect(audit.map((a) => a.entity_id)).toEqual([String(first.modelId), String(second.modelId)])
  }, 120_000)

  it('refuses a wave that does not exist, naming it', async () => {
    await expect(trainWaveUpliftModel(db.kysely, { waveId: 999_999, approach: 'two_model', response: 'visit', today: TODAY, now: new Date(), actor })).rejects.toMatchObject({ details: { code: 'wave.not_found', id: 999_999 } })
  })
})

function blankProfile(clientId: number): ProfileRow {
  return {
    client_id: clientId, birth_date: null, gender: null, region_code: null, branch_code: null, segment: 'mass', income: null, client_since: '2015-01-01',
    status: 'active', vip: false, do_not_contact: false, product_mask: 0, type_mask: 0, product_count: 1, deposit_balance: 0, loan_balance: 0,
    credit_limit: 0, last_opened_on: null, last_closed_on: null, turnover_1m: 0, turnover_3m: 0, turnover_12m: 0, transactions_1m: 0,
    transactions_3m: 0, turnover_trend: null, consent_email: true, consent_sms: false, consent_call: false, consent_letter: false,
    last_contact_on: null, last_email_contact_on: null, last_sms_contact_on: null, last_call_contact_on: null, last_letter_contact_on: null,
    last_response_on: null, has_open_complaint: false, last_complaint_on: null, churn_score: null, propensity_score: null,
  }
}
