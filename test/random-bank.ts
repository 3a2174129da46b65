import fc from 'fast-check'
import type { Database } from '../src/db/open-database.ts'
import type { ContactPolicy, ContactPolicyOverrides } from '../src/contract/contact-policy.ts'
import type { ContactFacts } from '../src/core/selection/removed-by-policy.ts'
import { CHANNELS } from '../src/contract/channels.ts'
import { SEGMENTS, type Segment } from '../src/contract/segments.ts'
import { currentContactPolicy } from '../src/db/stores/policy-store.ts'
import { TEST_BRANCHES, TEST_PRODUCTS, TEST_REGIONS, TEST_TODAY } from './arbitrary-rule.ts'

// A small random bank with the live facts the contact policy reads: statuses, do-not-contact,
// consent histories (with a grant and a refusal at the same moment now and then), contacts (some
// by a program), complaints, and another running program's wave. Moments fall at any time of day,
// so that a bank day that is not the UTC day shows.

export type RandomClient = {
  bank_id: string
  status: 'active' | 'churned' | 'deceased'
  do_not_contact: boolean
  segment: Segment
  region_code: string
  birth_date: string
  consents: { channel: string; granted: boolean; effective_at: string }[]
  contacts: { channel: string; sent_at: string; status: 'sent' | 'failed'; program: string | null }[]
  complaints: { received_at: string; status: 'open' | 'closed'; closed_at: string | null }[]
  inOtherProgram: boolean
  holdings: { product_code: string; opened_at: string; closed_at: string | null; balance: number }[]
}

/** The program that contacts some clients of the random bank (besides the running one). */
export const CONTACTING_PROGRAM = 'OTHER'

// Up to `max` days before the end of TEST_TODAY in UTC, to the minute.
const daysAgo = (max: number) =>
  fc.integer({ min: 0, max: max * 1440 }).map((m) => new Date(Date.parse(`${TEST_TODAY}T23:59:00Z`) - m * 60_000).toISOString())

const arbitraryClient = fc.record({
  status: fc.constantFrom('active', 'active', 'active', 'active', 'churned', 'deceased'),
  do_not_contact: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  segment: fc.constantFrom(...SEGMENTS),
  region_code: fc.constantFrom(...TEST_REGIONS),
  birth_date: fc.integer({ min: 1950, max: 2005 }).map((y) => `${y}-06-15`),
  consents: fc.array(
    fc.record({ channel: fc.constantFrom(...CHANNELS), granted: fc.boolean(), effective_at: daysAgo(800), tied: fc.integer({ min: 0, max: 3 }).map((n) => n === 0) }),
    { maxLength: 5 },
  ),
  contacts: fc.array(
    fc.record({
      channel: fc.constantFrom(...CHANNELS),
      sent_at: daysAgo(40),
      status: fc.constantFrom<('sent' | 'failed')[]>('sent', 'sent', 'failed'),
      program: fc.constantFrom(null, null, CONTACTING_PROGRAM),
    }),
    { maxLength: 4 },
  ),
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
    // A tied record is the opposite decision at the same moment; rows are unique per (channel, moment, granted).
    consents: c.consents
      .flatMap(({ tied, ...k }) => (tied ? [k, { ...k, granted: !k.granted }] : [k]))
      .filter((k, j, all) => all.findIndex((x) => x.channel === k.channel && x.effective_at === k.effective_at && x.granted === k.granted) === j),
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
  const programs = await db.kysely.selectFrom('programs').select(['id', 'code']).execute()
  const programIds = new Map(programs.map((p) => [p.code, p.id]))
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
    if (c.contacts.length) {
      const values = c.contacts.map(({ program, ...t }) => ({ client_id, ...t, program_id: program ? programIds.get(program) ?? null : null }))
      await db.kysely.insertInto('contacts').values(values).execute()
    }
    // The policy's open/closed is generated from the workflow status (migration 0030): a closed one was resolved.
    const complaints = c.complaints.map(({ status, ...q }) => ({ client_id, ...q, workflow_status: status === 'closed' ? ('resolved' as const) : ('registered' as const) }))
    if (complaints.length) await db.kysely.insertInto('complaints').values(complaints).execute()
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

/** The live facts of a random client as the contact policy reads them (core/selection/removed-by-policy.ts). */
export function contactFacts(c: RandomClient, clientId: number): ContactFacts {
  return {
    clientId,
    status: c.status,
    doNotContact: c.do_not_contact,
    consents: c.consents.map((k) => ({ channel: k.channel, granted: k.granted, effectiveAt: k.effective_at, source: null })),
    complaints: c.complaints.map((q) => ({ receivedAt: q.received_at, status: q.status, closedAt: q.closed_at })),
    contacts: c.contacts.map((t) => ({ channel: t.channel, sentAt: t.sent_at, status: t.status, waveId: null })),
    inOtherRunningProgram: c.inOtherProgram,
  }
}

const cap = fc.record({ max: fc.integer({ min: 0, max: 3 }), days: fc.integer({ min: 1, max: 45 }) })

/** A random global contact policy: caps from none allowed to generous, quiet periods from none. */
export const arbitraryContactPolicy: fc.Arbitrary<ContactPolicy> = fc.record({
  channelCaps: fc.record({ email: cap, sms: cap, call: cap, letter: cap }),
  overallCap: fc.record({ max: fc.integer({ min: 0, max: 6 }), days: fc.integer({ min: 1, max: 60 }) }),
  complaintQuietDays: fc.integer({ min: 0, max: 90 }),
  excludeOtherRunningPrograms: fc.boolean(),
})

/** Random program overrides of the policy: any part may be left to the global policy. */
export const arbitraryPolicyOverrides: fc.Arbitrary<ContactPolicyOverrides> = fc.record(
  {
    channelCaps: fc.record({ email: cap, sms: cap, call: cap, letter: cap }, { requiredKeys: [] }),
    overallCap: fc.record({ max: fc.integer({ min: 0, max: 6 }), days: fc.integer({ min: 1, max: 60 }) }),
    complaintQuietDays: fc.integer({ min: 0, max: 90 }),
    excludeOtherRunningPrograms: fc.boolean(),
  },
  { requiredKeys: [] },
)
