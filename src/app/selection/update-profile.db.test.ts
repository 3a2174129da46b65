import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { readProfileState, readProfileVersion } from '../../db/stores/profile-state-store.ts'
import { TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { insertClients, sampleClients, seedReference } from '../../../test/random-bank.ts'
import { refreshProfile } from './refresh-profile.ts'
import { updateProfile } from './update-profile.ts'

// The profile refresh: only the clients whose facts changed are refreshed (the database queues
// them, whoever wrote the change), in short batches, by one writer at a time; the result is
// exactly what a full rebuild gives, and a count sees a new version only once it is complete.

let db: Database
let otherWaveId: number

beforeAll(async () => {
  db = await openTestDatabase()
  ;({ otherWaveId } = await seedReference(db))
  await insertClients(db, sampleClients(240, 21, 'U'), otherWaveId)
  await refreshProfile(db, TEST_TODAY)
})
afterAll(() => db?.close())

/** The whole profile, without the batch that wrote each row. */
async function profile(): Promise<unknown[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM client_profile ORDER BY client_id`.execute(db.kysely)
  return rows.map(({ profile_version: _, ...row }) => row)
}

describe('updateProfile', () => {
  it('refreshes only the clients whose facts changed, to what a full rebuild gives', async () => {
    const ids = (await db.kysely.selectFrom('clients').select('id').orderBy('id').limit(3).execute()).map((r) => r.id)
    // Changes written behind the application's back: the triggers still queue their clients.
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source) VALUES (${ids[0]}, 'sms', true, ${`${TEST_TODAY}T08:00:00Z`}, 'test')`.execute(db.kysely)
    await sql`UPDATE clients SET segment = 'premium', vip = true WHERE id = ${ids[1]}`.execute(db.kysely)
    await sql`DELETE FROM holdings WHERE client_id = ${ids[2]}`.execute(db.kysely)
    const before = await readProfileVersion(db.kysely)

    const result = await updateProfile(db.kysely, { today: TEST_TODAY })
    expect(result.refreshed).toBeGreaterThanOrEqual(2)
    expect(result.refreshed).toBeLessThanOrEqual(3)
    expect(await readProfileVersion(db.kysely)).toBeGreaterThan(before!)
    const incremental = await profile()

    await refreshProfile(db, TEST_TODAY)
    expect(incremental).toEqual(await profile())
    expect((await updateProfile(db.kysely, { today: TEST_TODAY })).refreshed).toBe(0)
  })

  it('refreshes every client on a new day', async () => {
    const state = (await readProfileState(db.kysely))!
    const result = await updateProfile(db.kysely, { today: '2026-03-16', batchSize: 50 })
    expect(result).toMatchObject({ asOf: '2026-03-16', refreshed: state.clients, clients: state.clients, batches: Math.ceil(state.clients / 50) })
    await updateProfile(db.kysely, { today: TEST_TODAY })
  })

  it('lets two refreshes run at once: one writer at a time, every client once, nothing missed', async () => {
    const expected = await profile()
    await sql`UPDATE clients SET do_not_contact = NOT do_not_contact WHERE id % 7 = 0`.execute(db.kysely)
    await sql`UPDATE clients SET do_not_contact = NOT do_not_contact WHERE id % 7 = 0`.execute(db.kysely)
    const results = await Promise.all([
      refreshProfile(db, TEST_TODAY, { batchSize: 30 }),
      refreshProfile(db, TEST_TODAY, { batchSize: 30 }),
      updateProfile(db.kysely, { today: TEST_TODAY, batchSize: 7 }),
    ])
    expect(results.map((r) => r.clients)).toEqual([240, 240, 240])
    expect(await profile()).toEqual(expected)
    const state = (await readProfileState(db.kysely))!
    expect(state).toMatchObject({ clients: 240, sweepFrom: null, consistentVersion: state.version })
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM profile_dirty_clients`.execute(db.kysely)).rows[0].n)).toBe(0)
  })

  it('shows counts a new version only once its last batch is written', async () => {
    const before = await readProfileVersion(db.kysely)
    const seen = new Set<number | null>()
    let finished = false
    const refresh = refreshProfile(db, TEST_TODAY, { batchSize: 20 }).finally(() => {
      finished = true
    })
    while (!finished) seen.add(await readProfileVersion(db.kysely))
    await refresh
    const after = await readProfileVersion(db.kysely)
    expect(after).toBeGreaterThan(before!)
    expect([...seen].every((v) => v === before || v === after)).toBe(true)
  })
})
