import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import type { ResponseDefinition, ResponseRule } from '../../contract/response-definition.ts'
import type { ProductType } from '../../contract/product-types.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { DEFAULT_ATTRIBUTION_DAYS } from '../../core/program/attribution-window.ts'
import { attributeEvent, type CandidateWave } from '../../core/response/attribute-event.ts'
import type { Database } from '../../db/open-database.ts'
import { currentContactPolicy } from '../../db/stores/policy-store.ts'
import { attributeResponses } from './attribute-responses.ts'

// Invariant 8: the attribution's SQL (db/stores/response-attribution-store.ts) and its rule in core
// (core/response/attribute-event.ts) give the same program to every event, on random banks whose
// programs overlap, share wave days and state different rules and windows.

const PRODUCTS: Record<string, ProductType> = { CC: 'credit_card', DC: 'debit_card', DEP: 'term_deposit' }
const TYPES: ResponseType[] = ['conversion', 'balance', 'application', 'visit']
const actor = { id: null, login: 'test' }

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  await sql`INSERT INTO products (code, type, name) VALUES ('CC','credit_card','Карта'), ('DC','debit_card','Дебет'), ('DEP','term_deposit','Вклад')`.execute(db.kysely)
})
afterAll(async () => db?.close())

type Seeded = { candidates: Map<number, CandidateWave[]>; events: { id: number; clientId: number; event: Parameters<typeof attributeEvent>[0] }[] }

async function seedRandomBank(seed: number): Promise<Seeded> {
  const k = db.kysely
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const clientRows = await k.insertInto('clients')
    .values(Array.from({ length: 40 }, (_, i) => ({ bank_id: `R${seed}-${i}`, full_name: `Клиент ${i}` })))
    .returning('id').execute()
  const clientIds = clientRows.map((c) => Number(c.id))
  const { version } = await currentContactPolicy(k)
  const candidates = new Map<number, CandidateWave[]>()
  const day = (d: number, h: number) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000 + h * 3_600_000).toISOString()
  for (let p = 0; p < 5; p++) {
    const rules: ResponseRule[] = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
      const rule: ResponseRule = { type: pick(TYPES) }
      if (rnd() < 0.6) rule.productType = PRODUCTS[pick(Object.keys(PRODUCTS))]
      if (rnd() < 0.3) rule.minValue = pick(['1000', '50000', '49999.99'])
      if (rnd() < 0.2) rule.source = pick(['import', 'api'] as const)
      return rule
    })
    // One program in five states nothing: it takes no events.
    const definition: ResponseDefinition | null = p === 4 ? null : { rules, priority: pick([10, 50, 100]) }
    // The window is the business case's; a case that states none has the bank's 30 days.
    const windowDays = pick([3, 7, 14, undefined])
    const program = await k.insertInto('programs')
      .values({
        code: `P${seed}-${p}`, name: `P${seed}-${p}`, seed: `P${seed}-${p}`, response_definition: definition === null ? null : JSON.stringify(definition),
        business_case: JSON.stringify(windowDays === undefined ? {} : { attributionDays: windowDays }),
      })
      .returning('id').executeTakeFirstOrThrow()
    for (let w = 0; w < 3; w++) {
      // Whole hours on a few days, so that waves of different programs often share an instant.
      const builtAt = day(Math.floor(rnd() * 20), pick([6, 20, 22]))
      const wave = await k.insertInto('waves').values({
        program_id: program.id, kind: 'pilot', channel: 'sms', rule: JSON.stringify({ field: 'vip', op: 'is_false' }),
        policy_version: version, policy: '{}', seed: `P${seed}-${p}`, control_share: 0.5, include_holdout: false, as_of: builtAt.slice(0, 10), built_at: builtAt,
      }).returning('id').executeTakeFirstOrThrow()
      const members = clientIds.filter(() => rnd() < 0.4).map((id) => ({ client_id: id, wave_id: wave.id, group: rnd() < 0.5 ? 'target' as const : 'control' as const }))
      if (members.length) await k.insertInto('wave_members').values(members).execute()
      for (const m of members) {
        if (!definition) continue
        const list = candidates.get(m.client_id) ?? []
        list.push({ programId: program.id, priority: definition.priority, windowDays: windowDays ?? DEFAULT_ATTRIBUTION_DAYS, rules: definition.rules, waveId: wave.id, group: m.group, builtAt })
        candidates.set(m.client_id, list)
      }
    }
  }
  // Events drawn at random, one per natural key (client, type, time), written in one statement.
  const drawn = new Map<string, { clientId: number; product: string | null; event: Seeded['events'][number]['event'] }>()
  for (let i = 0; i < 500; i++) {
    const clientId = pick(clientIds)
    const product = rnd() < 0.8 ? pick(Object.keys(PRODUCTS)) : null
    const type = pick(TYPES)
    const event = {
      // Any minute over 40 days: before, in and after the windows, at bank-day edges too.
      respondedAt: new Date(Date.UTC(2026, 1, 27) + Math.floor(rnd() * 40 * 1440) * 60_000).toISOString(),
      type,
      productType: product ? PRODUCTS[product] : null,
      source: pick(['import', 'api'] as const),
      value: type === 'balance' || rnd() < 0.7 ? pick(['999.99', '1000.00', '49999.99', '50000.00', '120000.50']) : null,
    }
    drawn.set(`${clientId}|${type}|${event.respondedAt}`, { clientId, product, event })
  }
  const rows = await k.insertInto('responses').values([...drawn.values()].map(({ clientId, product, event }) => ({
    client_id: clientId, program_id: null, wave_id: null, type: event.type, responded_at: event.respondedAt, value: event.value, source: event.source, product_code: product,
  }))).returning(['id', 'client_id', 'type', 'responded_at']).execute()
  const events: Seeded['events'] = rows.map((r) => {
    const d = drawn.get(`${Number(r.client_id)}|${r.type}|${new Date(r.responded_at).toISOString()}`)!
    return { id: Number(r.id), clientId: d.clientId, event: d.event }
  })
  for (const [id, list] of candidates) all.candidates.set(id, list)
  all.events.push(...events)
  return { candidates, events }
}

// Every bank seeded so far: each run attributes them all, and all must stay right.
const all: Seeded = { candidates: new Map(), events: [] }

async function readAttributions(): Promise<Map<number, { programId: number; waveId: number; group: string }>> {
  const rows = await db.kysely.selectFrom('response_attributions').select(['response_id', 'program_id', 'wave_id', 'group']).execute()
  return new Map(rows.map((r) => [Number(r.response_id), { programId: r.program_id, waveId: r.wave_id, group: r.group }]))
}

describe('attributing events to programs', () => {
  it.each([1, 2, 3])('gives every event the program the core rule gives it (random bank %i)', async (seed) => {
    const { events } = await seedRandomBank(seed)
    // Small ranges, so that the run crosses many of them.
    const result = await attributeResponses(db.kysely, { actor, clientsPerRange: 7 })
    const stored = await readAttributions()
    let attributed = 0
    let ofThisBank = 0
    for (const e of all.events) {
      const expected = attributeEvent(e.event, all.candidates.get(e.clientId) ?? [])
      expect(stored.get(e.id) ?? null, `event ${e.id} ${JSON.stringify(e.event)}`).toEqual(expected)
      if (expected) attributed++
      if (expected && events.includes(e)) ofThisBank++
    }
    // Enough of both kinds that the comparison means something.
    expect(ofThisBank).toBeGreaterThan(20)
    expect(events.length - ofThisBank).toBeGreaterThan(30)
    expect(result).toMatchObject({ events: all.events.length, attributed, unattributed: all.events.length - attributed })

    // Run again: the same answer, and two runs at once give it as well.
    await Promise.all([attributeResponses(db.kysely, { actor }), attributeResponses(db.kysely, { actor, clientsPerRange: 3 })])
    expect(await readAttributions()).toEqual(stored)
  })

  it('re-attributes when a program changes its rule: events it no longer takes go back or elsewhere', async () => {
    const { events } = await seedRandomBank(4)
    await attributeResponses(db.kysely, { actor })
    const before = await readAttributions()
    const program = before.get(events.find((e) => before.has(e.id))!.id)!.programId
    await db.kysely.updateTable('programs').set({ response_definition: null }).where('id', '=', program).execute()
    await attributeResponses(db.kysely, { actor })
    const after = await readAttributions()
    expect([...after.values()].some((a) => a.programId === program)).toBe(false)
    for (const e of all.events) {
      const rest = (all.candidates.get(e.clientId) ?? []).filter((c) => c.programId !== program)
      expect(after.get(e.id) ?? null).toEqual(attributeEvent(e.event, rest))
    }
    // The events themselves are all still there.
    const { n } = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(all.events.length)
  })

  it("after an import, attributes only the import's clients and gives the whole run's answer; a changed rule makes it whole again", async () => {
    // The last test's whole run recorded its basis. An import brings events of a few clients,
    // one of them rewriting an event already there (its value), as a repeated file does.
    await attributeResponses(db.kysely, { actor })
    const bank = await seedRandomBank(5)
    await attributeResponses(db.kysely, { actor })
    const importEvents = async (clients: readonly number[], hour: number) => {
      const { id } = await db.kysely.insertInto('imports').values({ kind: 'responses', file_name: 'events.csv' }).returning('id').executeTakeFirstOrThrow()
      const rows = clients.flatMap((clientId, i) => TYPES.map((type, j) => ({
        client_id: clientId, program_id: null, wave_id: null, type, responded_at: new Date(Date.UTC(2026, 2, 2 + ((i + j) % 20), hour)).toISOString(),
        value: '60000.00', source: 'import' as const, product_code: ['CC', 'DC', 'DEP'][(i + j) % 3], import_id: id,
      })))
      await db.kysely.insertInto('responses').values(rows).execute()
      return id
    }
    const clients = [...new Set(bank.events.map((e) => e.clientId))].slice(0, 6)
    const rewritten = bank.events.find((e) => !clients.includes(e.clientId))!
    const first = await importEvents(clients, 7)
    await db.kysely.updateTable('responses').set({ value: '50000.00', import_id: first }).where('id', '=', rewritten.id).execute()
    const partial = await attributeResponses(db.kysely, { actor, importId: first, clientsPerRange: 4 })
    expect(partial.scope).toBe('import')
    const events = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('program_id', 'is', null)
      .where('client_id', 'in', [...clients, rewritten.clientId]).executeTakeFirstOrThrow()
    expect(partial.events).toBe(Number(events.n))
    const afterImport = await readAttributions()
    const whole = await attributeResponses(db.kysely, { actor })
    expect(whole.scope).toBe('all')
    expect(await readAttributions()).toEqual(afterImport)
    expect(partial.byProgram).toEqual(whole.byProgram)

    // A program changes its rule: the next import's attribution is the whole bank's again, and right.
    const program = [...afterImport.values()][0]!.programId
    await db.kysely.updateTable('programs').set({ response_definition: null }).where('id', '=', program).execute()
    const second = await importEvents(clients.slice(0, 2), 8)
    expect((await attributeResponses(db.kysely, { actor, importId: second })).scope).toBe('all')
    expect([...(await readAttributions()).values()].some((a) => a.programId === program)).toBe(false)
  })
})
