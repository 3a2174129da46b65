import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedUpliftWave, type UpliftWave } from '../../../test/seed-uplift-wave.ts'
import type { Database } from '../../db/open-database.ts'
import { readUpliftMembers } from '../../db/stores/uplift-model-store.ts'
import { countSelection } from '../selection/count-selection.ts'
import { trainWaveUpliftModel, UPLIFT_PAGE_SIZE } from './train-wave-uplift-model.ts'
import { viewWaveUpliftModel } from './view-wave-uplift-model.ts'

// A past wave of 2 500 clients (more than one page of UPLIFT_PAGE_SIZE) whose e-mail persuades the
// well-off only (test/seed-uplift-wave.ts): a model trained on it must rank them first, store every
// client's score, and feed a selection "uplift_score ≥ x".
const N = 2_500
const TODAY = '2026-12-03'
const actor = { id: null, login: 'cli:test' }
const now = new Date(`${TODAY}T10:00:00Z`)

let db: Database
let seeded: UpliftWave

beforeAll(async () => {
  expect(N).toBeGreaterThan(UPLIFT_PAGE_SIZE)
  db = await openTestDatabase()
  seeded = await seedUpliftWave(db, { n: N, today: TODAY })
}, 60_000)

afterAll(() => db?.close())

describe('trainWaveUpliftModel', () => {
  it('trains on the wave, stores a version, scores the base and feeds uplift_score', async () => {
    const { waveId, rich } = seeded
    const first = await trainWaveUpliftModel(db.kysely, { waveId, approach: 'two_model', response: 'visit', today: TODAY, now, actor, value: { marginPerResponse: 1000, costPerContact: 50 } })
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
        FROM client_scores WHERE model_id = ${modelId} AND score >= 0.2`.execute(db.kysely)).rows[0]!
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
    const second = await trainWaveUpliftModel(db.kysely, { waveId, approach: 'class_transformation', response: 'visit', today: TODAY, now, actor })
    expect(second.version).toBe(100)
    expect(await count(persuadable)).toBe((await direct(second.modelId)).n)

    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'uplift_model.train').execute()
    expect(audit.map((a) => a.entity_id)).toEqual([String(first.modelId), String(second.modelId)])

    // The wave page's panel: the newest model, its Qini curve thinned for the chart.
    const view = await viewWaveUpliftModel(db.kysely, waveId)
    expect(view.model).toMatchObject({ id: second.modelId, version: 100, approach: 'class_transformation', trainedBy: 'cli:test', scored: N, nTest: second.trained.nTest })
    expect(view.model!.qini.model.length).toBeLessThanOrEqual(101)
    expect(view.model!.qini.model.at(-1)).toEqual(second.trained.curves.qini.model.at(-1))
  }, 120_000)

  it('counts a visit only within the wave’s attribution window', async () => {
    const members = await readUpliftMembers(db.kysely, { waveId: seeded.waveId, programId: seeded.programId, type: 'visit', from: '2026-10-01T09:00:00Z', until: '2026-10-31T09:00:00Z', today: TODAY, features: ['age'], after: seeded.outsideWindow - 1, limit: 1 })
    expect(members).toEqual([{ clientId: seeded.outsideWindow, treated: 0, responded: 0, features: { age: expect.any(Number) } }])
  })

  it('refuses a wave that does not exist, naming it', async () => {
    await expect(trainWaveUpliftModel(db.kysely, { waveId: 999_999, approach: 'two_model', response: 'visit', today: TODAY, now: new Date(), actor })).rejects.toMatchObject({ details: { code: 'wave.not_found', id: 999_999 } })
  })
})
