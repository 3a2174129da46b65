import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { countSelection } from '../../app/selection/count-selection.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'
import { updateProfile } from '../../app/selection/update-profile.ts'
import { sql } from 'kysely'
import { TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { insertClients, sampleClients, seedReference } from '../../../test/random-bank.ts'
import type { CopyOutInput, Database } from '../open-database.ts'
import { openProfileMirror, type ProfileMirror } from './open-profile-mirror.ts'

// The mirror's life beside PostgreSQL: it follows the profile by copying only what changed, a
// count holds its snapshot's table until it is done (a reload finishing meanwhile must not drop
// it), and a failing load backs off instead of copying the whole profile again on every count.

let db: Database
const mirrors: ProfileMirror[] = []
const active = { field: 'status', op: 'eq', value: 'active' }

beforeAll(async () => {
  db = await openTestDatabase()
  const { otherWaveId } = await seedReference(db)
  await insertClients(db, sampleClients(150, 31, 'M'), otherWaveId)
  await refreshProfile(db, TEST_TODAY)
})
afterAll(async () => {
  for (const mirror of mirrors) await mirror.close()
  await db?.close()
})

/** The database with its COPY … TO recorded, or failing while `failing.copy` is set. */
function watched(failing = { copy: false }) {
  const queries: string[] = []
  const copyOut = (input: CopyOutInput) => {
    queries.push(input.query)
    if (failing.copy) return Promise.reject(new Error('disk full'))
    return db.copyOut(input)
  }
  return { db: { ...db, copyOut }, queries, failing }
}

async function open(input: Partial<Parameters<typeof openProfileMirror>[0]> = {}): Promise<ProfileMirror> {
  const mirror = await openProfileMirror({ db, threads: 1, ...input })
  mirrors.push(mirror)
  return mirror
}

describe('the profile mirror', () => {
  it('copies only the rows of the refresh batches it has not seen, and counts like PostgreSQL', async () => {
    const { db: watchedDb, queries } = watched()
    const mirror = await open({ db: watchedDb })
    const first = await mirror.sync()
    expect(first).toMatchObject({ clients: 150 })
    expect(queries.every((q) => q.includes('profile_version > -1'))).toBe(true)

    const id = (await db.kysely.selectFrom('clients').select('id').where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow()).id
    await sql`UPDATE clients SET status = 'churned' WHERE id = ${id}`.execute(db.kysely)
    await updateProfile(db.kysely, { today: TEST_TODAY })
    queries.length = 0
    const second = await mirror.sync()
    expect(second!.version).toBeGreaterThan(first!.version)
    expect(queries).toHaveLength(1)
    expect(queries[0]).toContain(`profile_version > ${first!.version}`)
    const onMirror = await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })
    const onPostgres = await countSelection({ db: db.kysely }, { rule: active, today: TEST_TODAY })
    expect(onMirror).toEqual({ ...onPostgres, engine: 'duckdb' })
  })

  it('keeps a leased snapshot’s table through a reload, and drops it once released', async () => {
    const mirror = await open()
    await mirror.sync()
    const lease = mirror.acquire()!
    await sql`UPDATE clients SET vip = NOT vip WHERE id % 5 = 0`.execute(db.kysely)
    await updateProfile(db.kysely, { today: TEST_TODAY })
    const reloaded = await mirror.sync()
    expect(reloaded!.table).not.toBe(lease.snapshot.table)
    const old = `SELECT count(*) AS n FROM ${lease.snapshot.table}`
    expect(await mirror.query({ snapshot: lease.snapshot, sql: old, parameters: [] })).toEqual([{ n: 150n }])
    lease.release()
    await vi.waitFor(() => expect(mirror.query({ snapshot: lease.snapshot, sql: old, parameters: [] })).rejects.toThrow(/does not exist/))
  })

  it('answers counts that race a reload without losing their table', async () => {
    const mirror = await open()
    await mirror.sync()
    const selection = await db.kysely.insertInto('selections').values({ name: 'race', rule: JSON.stringify(active) }).returning('id').executeTakeFirstOrThrow()
    const rule = { field: 'selection', op: 'in', value: selection.id }
    for (let round = 0; round < 5; round++) {
      await sql`UPDATE clients SET do_not_contact = NOT do_not_contact WHERE id % 9 = ${round}`.execute(db.kysely)
      await updateProfile(db.kysely, { today: TEST_TODAY })
      const counts = Array.from({ length: 4 }, () => countSelection({ db: db.kysely, mirror }, { rule, today: TEST_TODAY }))
      const [reload, ...answers] = await Promise.all([mirror.sync(), ...counts])
      expect(reload).not.toBeNull()
      for (const answer of answers) expect(answer.count).toBeGreaterThan(0)
    }
  })

  it('backs off after a failed load: counts meanwhile do not start another copy', async () => {
    let clock = 1_000_000
    const errors: number[] = []
    const { db: failingDb, queries, failing } = watched({ copy: true })
    const mirror = await open({ db: failingDb, now: () => clock, onError: (_error, retryInMs) => void errors.push(retryInMs) })
    await expect(mirror.sync()).rejects.toThrow('disk full')
    expect(errors).toEqual([1000])
    const copies = queries.length
    for (let i = 0; i < 5; i++) {
      expect((await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })).engine).toBe('postgres')
    }
    expect(queries).toHaveLength(copies)

    clock += 1_500
    await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })
    await vi.waitFor(() => expect(errors).toEqual([1000, 2000]))
    clock += 1_500
    await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })
    expect(errors).toEqual([1000, 2000])

    failing.copy = false
    clock += 1_000
    await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })
    await vi.waitFor(() => expect(mirror.snapshot()).not.toBeNull())
    expect((await countSelection({ db: db.kysely, mirror }, { rule: active, today: TEST_TODAY })).engine).toBe('duckdb')
  })
})
