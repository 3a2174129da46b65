import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './open-database.ts'
import { migrate, migrateDown } from './migrate.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'
import { seedCallWave } from '../../test/seed-call-wave.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('schema', () => {
  it('refuses to change or remove audit events', async () => {
    await db.kysely.insertInto('audit_events').values({ action: 'client.view', details: '{}' }).execute()
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_events`.execute(db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`TRUNCATE audit_events`.execute(db.kysely)).rejects.toThrow(/append-only/)
    const { n } = await db.kysely.selectFrom('audit_events').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(n).toBe(1)
  })

  it('bulk-loads CSV rows with COPY, quoted commas and newlines included', async () => {
    await db.copyIn({ table: 'regions', columns: ['code', 'name'], chunks: ['R1,"Область, край"\n', 'R2,"две\nстроки"\n'] })
    const rows = await db.kysely.selectFrom('regions').select(['code', 'name']).where('code', 'like', 'R%').orderBy('code').execute()
    expect(rows).toEqual([
      { code: 'R1', name: 'Область, край' },
      { code: 'R2', name: 'две\nстроки' },
    ])
  })

  it('seeds the 85 federal subjects of Russia with their two-digit codes', async () => {
    const rows = await db.kysely.selectFrom('regions').select(['code', 'name', 'utc_offset']).where('code', '~', '^[0-9]{2}$').orderBy('code').execute()
    expect(rows).toHaveLength(85)
    expect(rows.find((r) => r.code === '54')).toEqual({ code: '54', name: 'Новосибирская область', utc_offset: 7 })
    expect(rows.find((r) => r.code === '39')?.utc_offset).toBe(2)
    expect(new Set(rows.map((r) => r.name)).size).toBe(85)
  })

  it('turns the interested and agreed calls recorded before leads existed into their responses and leads (0025)', async () => {
    const wave = await seedCallWave(db, { code: 'MIG', members: 3 })
    const [first, second] = wave.clientIds.target as [number, number]
    await sql`INSERT INTO call_attempts (client_id, wave_id, operator_login, technical, business, started_at, ended_at, handle_seconds, note)
      VALUES (${first}, ${wave.waveId}, 'operator', 'connected', 'agreed', '2026-12-01T10:00:00Z', '2026-12-01T10:02:00Z', 120, 'Оформит в пятницу'),
             (${second}, ${wave.waveId}, 'operator', 'connected', 'refused', '2026-12-01T11:00:00Z', '2026-12-01T11:01:00Z', 60, null)`.execute(db.kysely)
    for (let name = await migrateDown(db); name !== '0025-track-offer-links-and-leads'; name = await migrateDown(db)) expect(name).toBeDefined()
    await migrate(db)
    const leads = await db.kysely.selectFrom('leads').select(['client_id', 'source', 'outcome', 'status', 'detail', 'operator_login']).execute()
    expect(leads).toEqual([{ client_id: first, source: 'call', outcome: 'agreed', status: 'new', detail: 'Оформит в пятницу', operator_login: 'operator' }])
    const responses = await db.kysely.selectFrom('responses').select(['client_id', 'type', 'source', 'wave_id']).execute()
    expect(responses).toEqual([{ client_id: first, type: 'application', source: 'call', wave_id: wave.waveId }])
  })

  it('migrates down cleanly, last migration first', async () => {
    const undone: string[] = []
    for (let name = await migrateDown(db); name; name = await migrateDown(db)) undone.push(name)
    expect(undone.at(-1)).toBe('0001-create-client-base')
    expect([...undone].reverse()).toEqual([...undone].sort())
  })
})
