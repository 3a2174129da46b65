import { text } from 'node:stream/consumers'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { exportClients } from './export-clients.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  // More clients than one read batch (2000), so that the export crosses batch boundaries.
  await sql`
    INSERT INTO clients (bank_id, full_name, phone)
    SELECT 'B' || lpad(g::text, 5, '0'), 'Клиент ' || g, '7900' || lpad(g::text, 7, '0')
    FROM generate_series(1, 4500) g
  `.execute(db.kysely)
})
afterAll(async () => {
  await db.close()
})

const viewer = { id: 1, login: 'analyst', fullName: 'Test analyst', role: 'analyst' as const, branchId: null }
const now = new Date('2026-03-02T09:00:00Z')

describe('exportClients', () => {
  it('streams every matching client once, across read batches, masked', async () => {
    const file = await exportClients(db.kysely, { viewer, search: {}, format: 'csv', lang: 'en', now })
    expect(file.rowCount).toBe(4500)
    const lines = (await text(file.body)).trimEnd().split('\r\n')
    expect(lines).toHaveLength(4501)
    const bankIds = lines.slice(1).map((line) => line.split(',')[0])
    expect(new Set(bankIds).size).toBe(4500)
    expect(bankIds[0]).toBe('B00001')
    expect(bankIds.at(-1)).toBe('B04500')
    expect(lines[2]).toContain(',7******02,')
  })

  it('counts and audits the rows of a filtered export before the first byte', async () => {
    const file = await exportClients(db.kysely, { viewer, search: { q: 'клиент 44' }, format: 'csv', lang: 'ru', now })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'client.export').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(event.details).toEqual({ format: 'csv', lang: 'ru', filter: { q: 'клиент 44' }, rowCount: 111 })
    expect((await text(file.body)).trimEnd().split('\r\n')).toHaveLength(112)
  })
})
