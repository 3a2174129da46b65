import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshProfile } from '../selection/refresh-profile.ts'
import { buildWave } from '../wave/build-wave.ts'
import { saveBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { bankDay, bankDayStart } from '../../core/bank-day.ts'
import { bankDateSql, bankDayStartSql } from '../../core/bank-day-sql.ts'

// The bank's day in SQL equals the bank's day in core, in several zones and around their
// midnights; and the profile and the waves count in Moscow bank days (the server's "today": in
// http/routes/selection-routes.db.test.ts): at
// 00:30 in Moscow (21:30 UTC the evening before) it is already the next day there.

let db: Database
const ZONES = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'UTC']

beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db?.close()
})

describe('bank days in SQL', () => {
  it('give the same date and day start as core, for random instants near midnight', async () => {
    const instants = fc.sample(
      fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2027-01-01') }).map((t) => t - (t % 86_400_000) + fc.sample(fc.integer({ min: -6, max: 6 }), 1)[0] * 3_600_000),
      { numRuns: 60, seed: 8 },
    )
    for (const zone of ZONES) {
      for (const t of instants) {
        const day = bankDay(new Date(t), zone)
        const row = await sql<{ day: string; start: Date }>`SELECT to_char(${bankDateSql(sql`${new Date(t).toISOString()}::timestamptz`, zone)}, 'YYYY-MM-DD') AS day,
          ${bankDayStartSql(day, zone)} AS start`.execute(db.kysely)
        expect(row.rows[0].day, `${new Date(t).toISOString()} in ${zone}`).toBe(day)
        expect(new Date(row.rows[0].start).getTime(), `${day} in ${zone}`).toBe(bankDayStart(day, zone))
      }
    }
  })

  it('count a contact at 00:30 Moscow time on that Moscow day, in the profile and the caps', async () => {
    const { id } = await db.kysely.insertInto('clients').values({ bank_id: 'MSK1', full_name: 'Moscow client', status: 'active' }).returning('id').executeTakeFirstOrThrow()
    await db.kysely.insertInto('consents').values({ client_id: id, channel: 'sms', granted: true, effective_at: '2026-01-01T00:00:00Z' }).execute()
    // 21:30 UTC on the 14th is 00:30 on the 15th in Moscow.
    await db.kysely.insertInto('contacts').values({ client_id: id, channel: 'sms', sent_at: '2026-03-14T21:30:00Z' }).execute()
    const lastContact = async (asOf: string) => {
      await refreshProfile(db, asOf)
      const row = await db.kysely.selectFrom('client_profile').select(sql<string | null>`to_char(last_sms_contact_on, 'YYYY-MM-DD')`.as('day')).where('client_id', '=', id).executeTakeFirstOrThrow()
      return row.day
    }
    expect(await lastContact('2026-03-14')).toBeNull() // not yet sent by the end of the 14th in Moscow
    expect(await lastContact('2026-03-15')).toBe('2026-03-15')
    const everyone = { field: 'status', op: 'eq', value: 'active' }
    const wave = (programCode: string, today: string) => buildWave(db.kysely, { programCode, rule: everyone, channel: 'sms', actor: { id: null, login: 'test' }, today })
    // One SMS a week: on the 14th the SMS of the 15th (Moscow) does not count, on the 21st it does, on the 22nd no more.
    const capped = async (today: string) => (await wave(`CAP${today}`, today)).funnel.find((f) => f.rule === 'channel_cap')!.removed
    expect([await capped('2026-03-14'), await capped('2026-03-21'), await capped('2026-03-22')]).toEqual([0, 1, 0])

    await saveBankTimeZone(db.kysely, 'UTC')
    expect(await lastContact('2026-03-14')).toBe('2026-03-14')
    expect([await capped('2026-03-20'), await capped('2026-03-21')]).toEqual([1, 0])
    await saveBankTimeZone(db.kysely, 'Europe/Moscow')
  })
})
