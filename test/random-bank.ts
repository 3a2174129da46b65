import fc from 'fast-check'
import type { Database } from '../src/db/open-database.ts'
import { CHANNELS, SEGMENTS } from '../src/core/selection/rule-catalogue.ts'
import { currentContactPolicy } from '../src/db/stores/policy-store.ts'
import { TEST_BRANCHES, TEST_PRODUCTS, TEST_REGIONS, TEST_TODAY } from './arbitrary-rule.ts'

// A small random bank with the live facts the contact policy reads: statuses, do-not-contact,
// consent histories, contacts, complaints, and another running program's wave.

export type RandomClient = {
  bank_id: string
  status: 'active' | 'churned' | 'deceased'
  do_not_contact: boolean
  segment: string
  region_code: string
  birth_date: string
  consents: { channel: string; granted: boolean; effective_at: string }[]
  contacts: { channel: string; sent_at: string; status: string }[]
  complaints: { received_at: string; status: 'open' | 'closed'; closed_at: string | null }[]
  inOtherProgram: boolean
  holdings: { product_code: string; opened_at: string; closed_at: string | null; balance: number }[]
}

const daysAgo = (max: number) => fc.integer({ min: 0, max }).map((d) => new Date(Date.parse(`${TEST_TODAY}T10:00:00Z`) - d * 86_400_000).toISOString())

const arbitraryClient = fc.record({
  status: fc.constantFrom('active', 'active', 'active', 'active', 'churned', 'deceased'),
  do_not_contact: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  segment: fc.constantFrom(...SEGMENTS),
  region_code: fc.constantFrom(...TEST_REGIONS),
  birth_date: fc.integer({ min: 1950, max: 2005 }).map((y) => `${y}-06-15`),
  consents: fc.array(fc.record({ channel: fc.constantFrom(...CHANNELS), granted: fc.boolean(), effective_at: daysAgo(800) }), { maxLength: 5 }),
  contacts: fc.array(fc.record({ channel: fc.constantFrom(...CHANNELS), sent_at: daysAgo(40), status: fc.constantFrom('sent', 'sent', 'failed') }), { maxLength: 4 }),
  complaints: fc.array(
    fc.record({ received_at: daysAgo(120), status: fc.constantFrom('open' as const, 'closed' as const), closed_days: fc.integer({ min: 0, max: 30 }) }),
    { maxLength: 1 },
  ),
  inOtherProgram: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  holdings: fc.uniqueArray(
    fc.record({
      product_code: fc.constantFrom(...TEST_PRODUCTS),
      opened_at: daysAgo(2000).map((t) => t.slice(0, 10)),
      closed_at: fc.option(daysAgo(300).map((t) => t.slice(0, 10)), { nil: null }),
      balance: fc.integer({ min: 0, max: 2_000_000 }),
    }),
    { maxLength: 3, selector: (h) => h.product_code },
  ),
})

export function sampleClients(n: number, seed: number, prefix: string): RandomClient[] {
  return fc.sample(arbitraryClient, { numRuns: n, seed }).map((c, i) => ({
    ...c,
    status: c.status as RandomClient['status'],
    bank_id: `${prefix}${i}`,
    // consent rows must be unique per (channel, moment, granted)
    consents: c.consents.filter((k, j, all) => all.findIndex((x) => x.channel === k.channel && x.effective_at === k.effective_at) === j),
    complaints: c.complaints.map((q) => ({
      received_at: q.received_at,
      status: q.status,
      closed_at: q.status === 'closed' ? new Date(Math.min(Date.parse(q.received_at) + q.closed_days * 86_400_000, Date.parse(`${TEST_TODAY}T09:00:00Z`))).toISOString() : null,
    })),
  }))
}

/** Inserts the clients and their facts; returns bank_id → client id. */
export async function insertClients(db: Database, clients: RandomClient[], otherWaveId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const c of clients) {
    const row = await db.kysely
      .insertInto('clients')
      .values({
        bank_id: c.bank_id,
        full_name: `Client ${c.bank_id}`,
        status: c.status,
        do_not_contact: c.do_not_contact,
        segment: c.segment,
        region_code: c.region_code,
        birth_date: c.birth_date,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.set(c.bank_id, row.id)
    const client_id = row.id
    if (c.consents.length) await db.kysely.insertInto('consents').values(c.consents.map((k) => ({ client_id, ...k }))).execute()
    if (c.contacts.length) await db.kysely.insertInto('contacts').values(c.contacts.map((t) => ({ client_id, ...t }))).execute()
    if (c.complaints.length) await db.kysely.insertInto('complaints').values(c.complaints.map((q) => ({ client_id, ...q }))).execute()
    if (c.holdings.length) {
      await db.kysely.insertInto('holdings').values(c.holdings.map((h, j) => ({ client_id, account_no: `${c.bank_id}-${j}`, ...h }))).execute()
    }
    if (c.inOtherProgram) await db.kysely.insertInto('wave_members').values({ client_id, wave_id: otherWaveId, group: 'target' }).execute()
  }
  return ids
}

/** Reference data the random bank refers to, and another program running a pilot. */
export async function seedReference(db: Database): Promise<{ otherWaveId: number }> {
  await db.kysely.insertInto('regions').values(TEST_REGIONS.map((code) => ({ code, name: code }))).execute()
  await db.kysely
    .insertInto('branches')
    .values(TEST_BRANCHES.map((code, i) => ({ code, name: code, region_code: TEST_REGIONS[i % TEST_REGIONS.length] })))
    .execute()
  await db.kysely
    .insertInto('products')
    .values(TEST_PRODUCTS.map((code, i) => ({ code, name: code, type: ['debit_card', 'credit_card', 'consumer_loan', 'term_deposit', 'mortgage'][i] })))
    .execute()
  const other = await db.kysely.insertInto('programs').values({ code: 'OTHER', name: 'Other', status: 'pilot', seed: 'other' }).returning('id').executeTakeFirstOrThrow()
  const { version } = await currentContactPolicy(db.kysely)
  const wave = await db.kysely
    .insertInto('waves')
    .values({
      program_id: other.id,
      channel: 'sms',
      rule: JSON.stringify({ field: 'vip', op: 'is_true' }),
      policy_version: version,
      policy: '{}',
      seed: 'other',
      control_share: 0.1,
      include_holdout: false,
      as_of: TEST_TODAY,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { otherWaveId: wave.id }
}
