import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { evaluateRule } from '../../core/selection/evaluate-rule.ts'
import type { ProfileRow } from '../../core/selection/profile-row.ts'
import type { Database } from '../../db/open-database.ts'
import { countProfile, listProfileMembers } from '../../db/stores/selection-store.ts'
import { arbitraryProfile, arbitraryRule, TEST_PRODUCTS, TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { countSelection } from './count-selection.ts'

// Property: for random rules over a random client base, the database selects exactly the clients
// that the independent evaluator (core/selection/evaluate-rule.ts) accepts, and the count equals
// the length of the member list.

let db: Database
let rows: ProfileRow[]
const context = {
  today: TEST_TODAY,
  productBits: new Map(TEST_PRODUCTS.map((code, bit) => [code, bit])),
  selections: new Map(),
}

beforeAll(async () => {
  db = await openTestDatabase()
  const profiles = fc.sample(arbitraryProfile, { numRuns: 400, seed: 20261126 })
  const clients = await db.kysely
    .insertInto('clients')
    .values(profiles.map((_, i) => ({ bank_id: `P${i}`, full_name: `Client ${i}` })))
    .returning('id')
    .execute()
  rows = profiles.map((p, i) => ({ ...p, client_id: clients[i].id }))
  await db.kysely.insertInto('client_profile').values(rows).execute()
})
afterAll(async () => {
  await db.close()
})

describe('selection rules on the profile', () => {
  it('select exactly the clients the evaluator accepts, and count = list length', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRule, async (rule) => {
        const compiled = compileRule(rule, context)
        const expected = rows.filter((r) => evaluateRule(rule, r, context)).map((r) => r.client_id).sort((a, b) => a - b)
        const members = await listProfileMembers(db.kysely, compiled)
        expect(members).toEqual(expected)
        expect(await countProfile(db.kysely, compiled)).toBe(members.length)
      }),
      { numRuns: 150, seed: 7 },
    )
  })

  it('breaks a count down by segment, region and reachable channel', async () => {
    const rule = { field: 'age', op: 'gte', value: 30 }
    const result = await countSelection({ db: db.kysely }, { rule, today: TEST_TODAY })
    const matching = rows.filter((r) => evaluateRule(rule, r, context))
    expect(result.count).toBe(matching.length)
    expect(result.bySegment.reduce((s, x) => s + x.count, 0)).toBe(matching.length)
    expect(result.byRegion.reduce((s, x) => s + x.count, 0)).toBe(matching.length)
    const sms = matching.filter((r) => r.status === 'active' && !r.do_not_contact && r.consent_sms).length
    expect(result.reachable.sms).toBe(sms)
  })

  it('refuses an invalid rule with the path of its bad part', async () => {
    await expect(countSelection({ db: db.kysely }, { rule: { all: [{ field: 'age', op: 'gte', value: 'x' }] }, today: TEST_TODAY })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { path: 'all[0].value' },
    })
  })
})
