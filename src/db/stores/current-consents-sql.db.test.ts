import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consentInForce, currentConsents, type ConsentRecord } from '../../core/current-consents.ts'
import { CHANNELS } from '../../contract/channels.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import type { Database } from '../open-database.ts'
import { saveBankTimeZone } from './bank-time-zone-store.ts'
import { consentInForceSql, consentsInForceSql } from './current-consents-sql.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'

// Property: on random consent histories — with a grant and a refusal taking effect at the same
// moment, records exactly at midnight, and records loaded in any order — the SQL twins give the
// consent in force that core/current-consents.ts gives, at the end of every day tried, and so
// does the profile built from them.

let db: Database
const histories = new Map<number, ConsentRecord[]>()
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']
// Few moments, so that ties are common; two fall exactly on a day boundary.
const MOMENTS = ['2025-03-01T00:00:00.000Z', '2025-03-01T12:30:00.000Z', '2025-03-02T00:00:00.000Z', '2025-03-02T23:59:59.999Z', '2025-03-03T08:00:00.000Z']

const arbitraryHistory = fc.uniqueArray(
  fc.record({ channel: fc.constantFrom(...CHANNELS), granted: fc.boolean(), effectiveAt: fc.constantFrom(...MOMENTS) }),
  { maxLength: 12, selector: (r) => `${r.channel}|${r.granted}|${r.effectiveAt}` },
)

const dayEnd = (day: string) => Date.parse(`${day}T00:00:00Z`) + 86_400_000

beforeAll(async () => {
  db = await openTestDatabase()
  const sample = fc.sample(arbitraryHistory, { numRuns: 250, seed: 20261202 })
  for (const [i, records] of sample.entries()) {
    const { id } = await db.kysely.insertInto('clients').values({ bank_id: `K${i}`, full_name: `Client ${i}` }).returning('id').executeTakeFirstOrThrow()
    const history = records.map((r) => ({ ...r, source: null }))
    histories.set(id, history)
    // Inserted in the drawn order: a tie is decided by the rule, never by which record came last.
    for (const r of history) {
      await db.kysely.insertInto('consents').values({ client_id: id, channel: r.channel, granted: r.granted, effective_at: r.effectiveAt }).execute()
    }
  }
})
afterAll(async () => {
  await db?.close()
})

describe('the consent in force, in core and in SQL', () => {
  it('has ties in the sample (a grant and a refusal at the same moment)', () => {
    const ties = [...histories.values()].filter((h) => h.some((a) => h.some((b) => a.channel === b.channel && a.effectiveAt === b.effectiveAt && a.granted !== b.granted)))
    expect(ties.length).toBeGreaterThan(20)
  })

  it.each(DAYS)('agrees record by record at the end of %s', async (day) => {
    const before = sql`CAST(${day} AS date) + 1`
    const rows = await sql<{ client_id: number; channel: string; granted: boolean }>`${consentsInForceSql(before)}`.execute(db.kysely)
    const fromSql = rows.rows.map((r) => `${r.client_id}:${r.channel}:${r.granted}`).sort()
    const fromCore = [...histories].flatMap(([id, h]) => currentConsents(h, dayEnd(day)).map((r) => `${id}:${r.channel}:${r.granted}`)).sort()
    expect(fromSql).toEqual(fromCore)
  })

  it.each(DAYS)('agrees client by client and channel by channel at the end of %s', async (day) => {
    const before = sql`CAST(${day} AS date) + 1`
    const rows = await db.kysely
      .selectFrom('clients as c')
      .select((eb) => [eb.ref('c.id').as('id'), ...CHANNELS.map((ch) => consentInForceSql(sql.ref('c.id'), ch, before).as(ch))])
      .execute()
    for (const row of rows) {
      const history = histories.get(Number(row.id))!
      for (const ch of CHANNELS) expect(row[ch] ?? false, `client ${row.id} ${ch}`).toBe(consentInForce(history, ch, dayEnd(day)))
    }
  })

  it('gives the profile the same consents', async () => {
    const day = DAYS[2]
    await saveBankTimeZone(db.kysely, 'UTC') // the days above end at UTC midnight
    await refreshProfile(db, day)
    const rows = await db.kysely.selectFrom('client_profile').select(['client_id', 'consent_email', 'consent_sms', 'consent_call', 'consent_letter']).execute()
    expect(rows).toHaveLength(histories.size)
    for (const row of rows) {
      const history = histories.get(Number(row.client_id))!
      for (const ch of CHANNELS) expect(row[`consent_${ch}`], `client ${row.client_id} ${ch}`).toBe(consentInForce(history, ch, dayEnd(day)))
    }
  })
})
