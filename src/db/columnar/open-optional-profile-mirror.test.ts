import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countSelection } from '../../app/selection/count-selection.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import type { Database } from '../open-database.ts'
import { openOptionalProfileMirror } from './open-optional-profile-mirror.ts'

// Without DuckDB's native binary the mirror is not opened, one line says so, and PostgreSQL counts.
let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  await db.kysely.insertInto('clients').values([{ bank_id: 'A1', full_name: 'Анна' }, { bank_id: 'A2', full_name: 'Борис' }]).execute()
  await refreshProfile(db, '2026-12-01')
})
afterAll(() => db?.close())

describe('openOptionalProfileMirror', () => {
  it('gives no mirror when DuckDB fails to load, logs it once, and counts run on PostgreSQL', async () => {
    const lines: string[] = []
    const mirror = await openOptionalProfileMirror({
      db,
      logger: { warn: (_object: unknown, message?: string) => void lines.push(String(message)) },
      loadDuckdb: () => Promise.reject(new Error("Cannot find module '@duckdb/node-bindings-linux-x64/duckdb.node'")),
    })
    expect(mirror).toBeUndefined()
    expect(lines).toEqual(['DuckDB is not available: live counts run on PostgreSQL'])
    const result = await countSelection({ db: db.kysely, mirror }, { rule: { field: 'status', op: 'eq', value: 'active' }, today: '2026-12-01' })
    expect(result).toMatchObject({ count: 2, engine: 'postgres' })
  })

  it('opens the mirror when DuckDB loads', async () => {
    const lines: string[] = []
    const mirror = await openOptionalProfileMirror({ db, threads: 1, logger: { warn: () => void lines.push('warned') } })
    try {
      expect(mirror).toBeDefined()
      await mirror!.sync()
      const result = await countSelection({ db: db.kysely, mirror }, { rule: { field: 'status', op: 'eq', value: 'active' }, today: '2026-12-01' })
      expect(result).toMatchObject({ count: 2, engine: 'duckdb' })
      expect(lines).toEqual([])
    } finally {
      await mirror?.close()
    }
  })
})
