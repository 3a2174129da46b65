import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_BANK_TIME_ZONE } from '../../core/bank-day.ts'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { evaluateRule, type EvaluateContext, type ProgramHistory } from '../../core/selection/evaluate-rule.ts'
import type { ProfileRow } from '../../core/selection/profile-row.ts'
import type { Rule } from '../../contract/rule.ts'
import { CHANNELS } from '../../contract/channels.ts'
import { openProfileMirror, type ProfileMirror } from '../../db/columnar/open-profile-mirror.ts'
import type { Database } from '../../db/open-database.ts'
import { countProfile, insertSelection, listProfileMembers } from '../../db/stores/selection-store.ts'
import { arbitraryProfile, arbitraryRule, arbitraryRuleOver, TEST_PRODUCTS, TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { writeTestProfile } from '../../../test/write-test-profile.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { countSelection } from './count-selection.ts'

// Property: for random rules over a random client base — with saved selections (one built on
// another) and program-qualified recency over a random contact and response history — the
// database selects exactly the clients that the independent evaluator
// (core/selection/evaluate-rule.ts) accepts, the count equals the length of the member list, and a
// count with the DuckDB mirror attached gives the same number.

let db: Database
let mirror: ProfileMirror
let rows: ProfileRow[]
let arbitraryFullRule: fc.Arbitrary<Rule>
const PROGRAMS = ['XSELL', 'WINBACK']
const programHistory = new Map<number, ProgramHistory>()
const context: EvaluateContext & { selections: Map<number, Rule> } = {
  today: TEST_TODAY,
  // The bank's zone by default: a count reads it from bank_settings, this context states it.
  timeZone: DEFAULT_BANK_TIME_ZONE,
  productBits: new Map(TEST_PRODUCTS.map((code, bit) => [code, bit])),
  selections: new Map(),
  programHistory,
}

const moment = fc.integer({ min: 0, max: 90 * 86_400_000 }).map((ms) => new Date(Date.parse(`${TEST_TODAY}T23:59:59Z`) - ms).toISOString())

async function seedHistory(clientIds: number[]): Promise<void> {
  const programs = await db.kysely.insertInto('programs').values(PROGRAMS.map((code) => ({ code, name: code, seed: code }))).returning(['id', 'code']).execute()
  const programId = new Map(programs.map((p) => [p.code, p.id]))
  const events = fc.sample(
    fc.record({
      contacts: fc.array(fc.record({ program: fc.constantFrom(...PROGRAMS), channel: fc.constantFrom(...CHANNELS), sentAt: moment }), { maxLength: 3 }),
      responses: fc.array(fc.record({ program: fc.constantFrom(...PROGRAMS), respondedAt: moment }), { maxLength: 2 }),
    }),
    { numRuns: clientIds.length, seed: 20261202 },
  )
  for (const [i, client_id] of clientIds.entries()) {
    const history = events[i]
    programHistory.set(client_id, history)
    for (const t of history.contacts) {
      await db.kysely.insertInto('contacts').values({ client_id, program_id: programId.get(t.program)!, channel: t.channel, sent_at: t.sentAt }).execute()
    }
    for (const r of history.responses) {
      await db.kysely.insertInto('responses').values({ client_id, program_id: programId.get(r.program)!, responded_at: r.respondedAt }).execute()
    }
  }
}

// Saved selections of plain rules, and one that refers to the first two.
async function seedSelections(): Promise<number[]> {
  const plain = fc.sample(arbitraryRule, { numRuns: 3, seed: 5 })
  const ids: number[] = []
  for (const [i, rule] of plain.entries()) {
    const saved = await insertSelection(db.kysely, { name: `S${i}`, description: null, rule, createdBy: null })
    context.selections.set(saved.id, rule)
    ids.push(saved.id)
  }
  const nested: Rule = { any: [{ field: 'selection', op: 'in', value: ids[0] }, { not: { field: 'selection', op: 'in', value: ids[1] } }] }
  const saved = await insertSelection(db.kysely, { name: 'S-nested', description: null, rule: nested, createdBy: null })
  context.selections.set(saved.id, nested)
  return [...ids, saved.id]
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
  await db.kysely.insertInto('products').values(TEST_PRODUCTS.map((code, bit) => ({ code, name: code, type: 'debit_card', profile_bit: bit }))).execute()
  await seedHistory(rows.map((r) => r.client_id))
  arbitraryFullRule = arbitraryRuleOver({ selections: await seedSelections(), programs: PROGRAMS })
  await writeTestProfile(db, rows, TEST_TODAY)
  mirror = await openProfileMirror({ db, threads: 1 })
  await mirror.sync()
})
afterAll(async () => {
  await mirror?.close()
  await db?.close()
})

describe('selection rules on the profile', () => {
  it('select exactly the clients the evaluator accepts, and count = list length, on both engines', async () => {
    const engines = new Set<string>()
    await fc.assert(
      fc.asyncProperty(arbitraryFullRule, async (rule) => {
        const compiled = compileRule(rule, context)
        const expected = rows.filter((r) => evaluateRule(rule, r, context)).map((r) => r.client_id).sort((a, b) => a - b)
        const members = await listProfileMembers(db.kysely, compiled)
        expect(members).toEqual(expected)
        expect(await countProfile(db.kysely, compiled)).toBe(members.length)
        const counted = await countSelection({ db: db.kysely, mirror }, { rule, today: TEST_TODAY })
        expect(counted.count).toBe(members.length)
        expect(counted.engine).toBe(compiled.needsPostgres ? 'postgres' : 'duckdb')
        engines.add(counted.engine)
      }),
      { numRuns: 150, seed: 7 },
    )
    expect([...engines].sort()).toEqual(['duckdb', 'postgres'])
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
