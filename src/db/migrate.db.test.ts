import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './open-database.ts'
import { migrateDown } from './migrate.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'

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

  it('migrates down cleanly, last migration first', async () => {
    const undone: string[] = []
    for (let name = await migrateDown(db); name; name = await migrateDown(db)) undone.push(name)
    expect(undone.at(-1)).toBe('0001-create-client-base')
    expect([...undone].reverse()).toEqual([...undone].sort())
  })
})
