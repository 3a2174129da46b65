import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { isControl } from '../../core/selection/control-hash.ts'
import { pickPilotSample } from '../../core/selection/pilot-sample.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'

// Pilot waves on a part of the selection (issue 7, item 5), through POST /api/waves: a random sample
// of N (exactly N, drawn from the selection as core/selection/pilot-sample.ts draws it, the same for
// the same seed, the control a binomial share of it) or chosen branches or regions. A bank of 3 000
// active clients with e-mail consent over three branches in two regions (77 Moscow, 66 Sverdlovsk).
const NOW = new Date('2026-03-15T09:00:00Z')
const RULE = { field: 'status', op: 'eq', value: 'active' }
const SHARE = 0.2
let db: Database
let app: App
let cookie: string
let seed: string
let whole: Map<number, string>
let branchOf: Map<number, string>

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db, () => NOW)
  cookie = (await signIn(app, db, 'analyst' satisfies Role)).cookie
  const k = db.kysely
  await k.insertInto('branches').values([
    { code: 'MSK1', name: 'ЦБУ Тверская', region_code: '77' },
    { code: 'EKB1', name: 'ЦБУ Малышева', region_code: '66' },
    { code: 'EKB2', name: 'ЦБУ Уралмаш', region_code: '66' },
  ]).execute()
  await sql`
    INSERT INTO clients (bank_id, full_name, branch_id, region_code)
    SELECT 'S-' || g, 'Клиент ' || g, b.id, b.region_code
    FROM generate_series(1, 3000) g JOIN branches b ON b.code = (ARRAY['MSK1','EKB1','EKB2'])[1 + g % 3]
  `.execute(k)
  await sql`INSERT INTO consents (client_id, channel, granted, effective_at) SELECT id, 'email', true, '2020-01-01T00:00:00Z' FROM clients`.execute(k)
  await refreshProfile(db, '2026-03-15')
  const built = await build({})
  expect(built.statusCode, built.body).toBe(201)
  whole = await members(built.json().wave)
  seed = (await k.selectFrom('programs').select('seed').where('code', '=', 'PILOT').executeTakeFirstOrThrow()).seed
  const rows = await k.selectFrom('clients as c').innerJoin('branches as b', 'b.id', 'c.branch_id').select(['c.id', 'b.code']).execute()
  branchOf = new Map(rows.map((r) => [r.id, r.code]))
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

function build(extra: object, program = 'PILOT') {
  return app.inject({ method: 'POST', url: '/api/waves', headers: { cookie }, payload: { programCode: program, rule: RULE, channel: 'email', controlShare: SHARE, ...extra } })
}
async function members(wave: number): Promise<Map<number, string>> {
  const rows = await db.kysely.selectFrom('wave_members').select(['client_id', 'group']).where('wave_id', '=', wave).execute()
  return new Map(rows.map((r) => [r.client_id, r.group]))
}
const ids = (m: Map<number, string>) => [...m.keys()].sort((a, b) => a - b)

describe('a pilot wave on a random sample of the selection', () => {
  it('takes exactly N of the selection — the sample core draws — with the control split by the program’s hash', async () => {
    // The universal holdout (2% of all clients by its own hash) is kept out of every wave.
    expect(whole.size).toBeGreaterThan(2900)
    const response = await build({ sample: { size: 600 } })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ matched: 3000, eligible: whole.size })
    expect(response.json().target + response.json().control).toBe(600)
    const sample = await members(response.json().wave)
    expect(sample.size).toBe(600)
    expect(ids(sample).every((id) => whole.has(id))).toBe(true)
    expect(ids(sample)).toEqual(pickPilotSample(ids(whole), seed, 600).sort((a, b) => a - b))
    for (const [id, group] of sample) expect(group).toBe(isControl(seed, id, SHARE) ? 'control' : 'target')
    // Binomial(600, 0.2): mean 120, sd √(600 × 0.2 × 0.8) ≈ 9.8; within 4 sd.
    const control = [...sample.values()].filter((g) => g === 'control').length
    expect(Math.abs(control - 120)).toBeLessThan(4 * 9.8)
  })

  it('draws the same members for the same seed, again and on a rebuild, and records the scope on the wave', async () => {
    const first = (await build({ sample: { size: 250 } })).json().wave
    const second = (await build({ sample: { size: 250 } })).json().wave
    expect(ids(await members(second))).toEqual(ids(await members(first)))
    const rebuilt = await app.inject({ method: 'POST', url: `/api/waves/${first}/rebuild`, headers: { cookie } })
    expect(rebuilt.statusCode, rebuilt.body).toBe(200)
    expect(rebuilt.json()).toMatchObject({ eligible: whole.size })
    expect(ids(await members(first))).toEqual(ids(await members(second)))
    const summary = (await app.inject({ method: 'GET', url: `/api/waves/${first}`, headers: { cookie } })).json()
    expect(summary).toMatchObject({ scope: { sample: { size: 250 } }, eligible: whole.size })
    expect(summary.target + summary.control).toBe(250)
    // Another program's seed draws other clients.
    const other = await members((await build({ sample: { size: 250 } }, 'OTHER')).json().wave)
    expect(ids(other)).not.toEqual(ids(await members(first)))
  })

  it('refuses a sample larger than the selection, naming the field, and writes nothing', async () => {
    const before = await db.kysely.selectFrom('waves').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const response = await build({ sample: { size: whole.size + 1 } })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual({ code: 'wave.sample_too_large', path: 'sample.size', size: whole.size + 1, available: whole.size })
    const after = await db.kysely.selectFrom('waves').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect((await build({ sample: { size: 0 } })).json().details).toMatchObject({ code: 'request.invalid', field: expect.stringContaining('sample') })
  })
})

describe('a pilot wave in chosen branches or regions', () => {
  it('takes the selection’s members in those branches only, and a sample of them when asked', async () => {
    const response = await build({ scope: { branches: ['MSK1', 'EKB2'] } })
    expect(response.statusCode, response.body).toBe(201)
    const inBranches = await members(response.json().wave)
    expect(ids(inBranches)).toEqual(ids(whole).filter((id) => ['MSK1', 'EKB2'].includes(branchOf.get(id)!)))
    expect(response.json()).toMatchObject({ eligible: whole.size })
    const sampled = await build({ scope: { branches: ['MSK1', 'EKB2'] }, sample: { size: 100 } })
    const sample = await members(sampled.json().wave)
    expect(ids(sample)).toEqual(pickPilotSample(ids(inBranches), seed, 100).sort((a, b) => a - b))
    const summary = (await app.inject({ method: 'GET', url: `/api/waves/${sampled.json().wave}`, headers: { cookie } })).json()
    expect(summary.scope).toEqual({ sample: { size: 100 }, branches: ['MSK1', 'EKB2'] })
  })

  it('takes the members in those regions', async () => {
    const response = await build({ scope: { regions: ['66'] } })
    expect(response.statusCode, response.body).toBe(201)
    expect(ids(await members(response.json().wave))).toEqual(ids(whole).filter((id) => branchOf.get(id)!.startsWith('EKB')))
  })

  it.each([
    [{ branches: ['MSK1', 'NOPE'] }, { code: 'wave.unknown_branch', path: 'scope.branches[1]', value: 'NOPE' }],
    [{ regions: ['99'] }, { code: 'wave.unknown_region', path: 'scope.regions[0]', value: '99' }],
  ])('refuses an unknown branch or region %o with 400 naming it', async (scope, details) => {
    const response = await build({ scope })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual(details)
  })

  it('refuses branches and regions together', async () => {
    expect((await build({ scope: { branches: ['MSK1'], regions: ['66'] } })).statusCode).toBe(400)
  })
})

describe('the program’s audience after a pilot on a sample', () => {
  it('is the selection the sample was drawn from, not the sample', async () => {
    await build({ sample: { size: 300 } }, 'AUD')
    const response = await app.inject({ method: 'POST', url: '/api/programs/AUD/pilot-design', headers: { cookie }, payload: { baseline: 0.05, uplift: 0.01 } })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().selection).toMatchObject({ audience: whole.size, audienceFrom: 'wave' })
  })
})
