import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countSelection } from '../../app/selection/count-selection.ts'
import { compileRule } from '../../core/selection/compile-rule.ts'
import type { ProfileRow } from '../../core/selection/profile-row.ts'
import type { Rule } from '../../contract/rule.ts'
import { arbitraryProfile, arbitraryRule, arbitraryRuleOver, TEST_PRODUCTS, TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { recordTestProfileVersion, writeTestProfile } from '../../../test/write-test-profile.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import type { Database } from '../open-database.ts'
import { breakdownProfile } from '../stores/selection-store.ts'
import { breakdownMirror } from './breakdown-mirror.ts'
import { openProfileMirror, type ProfileMirror } from './open-profile-mirror.ts'

// Property: the DuckDB mirror, loaded from PostgreSQL through CSV, gives exactly the count and
// breakdown PostgreSQL gives, for random rules over a random profile with awkward values (empty
// and quoted text, extreme doubles). And a count answers from the mirror only while it is current.

let db: Database
let mirror: ProfileMirror
// Saved selections the random rules refer to (ids made up: the compiler reads them from here).
const SAVED = new Map<number, Rule>(fc.sample(arbitraryRule, { numRuns: 3, seed: 4 }).map((rule, i) => [i + 1, rule]))
const context = {
  today: TEST_TODAY,
  productBits: new Map(TEST_PRODUCTS.map((code, bit) => [code, bit])),
  selections: SAVED,
}

// Values that a CSV round trip or a single-precision compare would get wrong.
const AWKWARD: Partial<ProfileRow>[] = [
  { region_code: '', turnover_trend: 0.1 + 0.2, churn_score: 0.30000001192092896 },
  { region_code: 'A,"B"\nC', branch_code: '"', churn_score: 5e-324, turnover_trend: -0 },
  { region_code: null, income: 1e12 - 0.01, turnover_trend: 1.7976931348623157e308, propensity_score: 0.1 },
  { region_code: 'МСК', gender: null, segment: 'private', income: 123456.789 },
]

beforeAll(async () => {
  db = await openTestDatabase()
  const profiles = fc.sample(arbitraryProfile, { numRuns: 400, seed: 20261127 })
  AWKWARD.forEach((values, i) => Object.assign(profiles[i], values))
  const clients = await db.kysely
    .insertInto('clients')
    .values(profiles.map((_, i) => ({ bank_id: `M${i}`, full_name: `Client ${i}` })))
    .returning('id')
    .execute()
  await writeTestProfile(db, profiles.map((p, i) => ({ ...p, client_id: clients[i].id })), TEST_TODAY)
  mirror = await openProfileMirror({ db, threads: 1 })
  await mirror.sync()
})
afterAll(async () => {
  await mirror?.close()
  await db?.close()
})

describe('the DuckDB mirror of the profile', () => {
  it('holds the profile version it was copied from', () => {
    expect(mirror.snapshot()).toMatchObject({ version: expect.any(Number), clients: 400 })
  })

  it('counts and breaks down every rule exactly as PostgreSQL does', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRuleOver({ selections: [...SAVED.keys()] }), async (rule) => {
        const compiled = compileRule(rule, context)
        const expected = await breakdownProfile(db.kysely, compiled)
        expect(await breakdownMirror(mirror, mirror.snapshot()!, db.kysely, compiled)).toEqual(expected)
      }),
      { numRuns: 150, seed: 11 },
    )
  })

  it('keeps awkward values exact: empty and quoted text, extreme doubles', async () => {
    const rules: Rule[] = [
      { field: 'region', op: 'in', value: ['', 'A,"B"\nC', 'МСК'] },
      { field: 'branch', op: 'eq', value: '"' },
      { field: 'turnover_trend', op: 'eq', value: 0.1 + 0.2 },
      { field: 'turnover_trend', op: 'gte', value: 1e308 },
      { field: 'churn_score', op: 'eq', value: 0.30000001192092896 },
      { field: 'churn_score', op: 'between', value: [0, 1e-300] },
      { field: 'propensity_score', op: 'eq', value: 0.1 },
      { field: 'income', op: 'eq', value: 123456.789 },
    ]
    for (const rule of rules) {
      const compiled = compileRule(rule, context)
      const expected = await breakdownProfile(db.kysely, compiled)
      expect(expected.count, JSON.stringify(rule)).toBeGreaterThan(0)
      expect(await breakdownMirror(mirror, mirror.snapshot()!, db.kysely, compiled)).toEqual(expected)
    }
  })

  it('answers a count only while it holds the current profile, then catches up', async () => {
    const engines = { db: db.kysely, mirror }
    const rule = { field: 'age', op: 'gte', value: 30 }
    const before = await countSelection(engines, { rule, today: TEST_TODAY })
    expect(before.engine).toBe('duckdb')

    await sql`DELETE FROM client_profile WHERE client_id IN (SELECT client_id FROM client_profile ORDER BY client_id LIMIT 50)`.execute(db.kysely)
    const v2 = await recordTestProfileVersion(db, TEST_TODAY)
    const stale = await countSelection(engines, { rule, today: TEST_TODAY })
    expect(stale.engine).toBe('postgres')
    expect(stale.count).toBeLessThan(before.count)

    await mirror.sync()
    const current = await countSelection(engines, { rule, today: TEST_TODAY })
    expect(current).toEqual({ ...stale, engine: 'duckdb' })
    expect(mirror.snapshot()).toMatchObject({ version: v2, clients: 350 })
  })

  it('keeps answering from a replaced copy while a new one loads', async () => {
    const engines = { db: db.kysely, mirror }
    const rule = { field: 'vip', op: 'is_true' }
    const expected = await countSelection({ db: db.kysely }, { rule, today: TEST_TODAY })
    const v3 = await recordTestProfileVersion(db, TEST_TODAY)
    const loading = mirror.sync()
    const old = mirror.snapshot()!
    const compiled = compileRule(rule, context)
    const during = await Promise.all(Array.from({ length: 10 }, () => breakdownMirror(mirror, old, db.kysely, compiled)))
    await loading
    expect(during.map((d) => d.count)).toEqual(Array(10).fill(expected.count))
    expect(mirror.snapshot()!.version).toBe(v3)
  })

  it('leaves rules that need the contact history to PostgreSQL', async () => {
    const rule = { field: 'contacted', op: 'within_days', value: 30, program: 'XSELL' }
    const result = await countSelection({ db: db.kysely, mirror }, { rule, today: TEST_TODAY })
    expect(result.engine).toBe('postgres')
  })
})
