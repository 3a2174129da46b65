import { CompiledQuery, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toClientFilter, type ClientAccess, type ClientSearch } from '../../app/clients/client-search.ts'
import { CLEARANCE } from '../../core/clearance.ts'
import type { Database } from '../open-database.ts'
import { countClients, isClientInScope, listClientsAfter, searchClients, selectMatchingClients, type ClientPage } from './client-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let base: ClientBase
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
})
afterAll(async () => {
  await db.close()
})

const FULL: ClientAccess = { cleared: CLEARANCE.head, scope: { kind: 'bank' } }
const PAGE: ClientPage = { sort: 'bankId', order: 'asc', limit: 50, offset: 0 }
const bankIdsFor = async (search: ClientSearch, page: Partial<ClientPage> = {}) =>
  (await searchClients(db.kysely, { filter: toClientFilter(search, FULL), page: { ...PAGE, ...page } })).items.map((c) => c.bankId)

describe('client search', () => {
  it.each([
    ['8 (912) 345-67-89', ['C-0001']],
    ['+7 912 3456789', ['C-0001']],
    ['+7 (912) 345-67-89', ['C-0001']],
    ['89123456789', ['C-0001']],
    ['9123456789', ['C-0001']],
    ['7-912-345-67-89', ['C-0001']],
    ['+44 7700 900123', ['C-0005']],
    ['8 (903) 111-22-33', ['C-0002']],
    ['8 (999) 000-00-00', []],
    // The last digits, as people read them off a screen.
    ['345-67-89', ['C-0001']],
    ['11-22-33', ['C-0002']],
    ['00001', ['C-0003']],
    ['4567', []],
  ])('finds by the phone %s', async (q, expected) => {
    expect(await bankIdsFor({ q })).toEqual(expected)
  })

  it.each([
    ['C-0003', ['C-0003']],
    [' C-0003 ', ['C-0003']],
    ['c-0003', ['C-0003']],
    ['C-3', ['C-0003']],
    ['c-003', ['C-0003']],
    ['C-000', []],
    ['C-31', []],
  ])('finds by the bank id %s, in any case and with or without its zeros', async (q, expected) => {
    expect(await bankIdsFor({ q })).toEqual(expected)
  })

  it.each([
    // A patronymic is a later word too: Иванов also finds Ивановна and Иванович.
    ['Иванов', ['C-0001', 'C-0002', 'C-0003']],
    ['иван', ['C-0001', 'C-0002', 'C-0003', 'C-0004']],
    ['ИВАНЕНКО', ['C-0004']],
    ['Анна', ['C-0002']],
    ['анна  ив', ['C-0002']],
    ['Ольга Серг', ['C-0004']],
    ['Петрович', ['C-0001']],
    // ё is е, in the name and in the text: «пётр» also starts Петрова and Петрович.
    ['пётр', ['C-0001', 'C-0002', 'C-0003']],
    ['Петр Сидоров', ['C-0003']],
    ['Иванов Иван П', ['C-0001']],
    // Initials, and the first name first; each typed word starts a different word of the name.
    ['Иванов И.', ['C-0001']],
    ['Иванов И.П.', ['C-0001']],
    ['Иван Иванов', ['C-0001']],
    ['Анна Петрова', ['C-0002']],
    ['Сидоров П. И.', ['C-0003']],
    ['Сидоров И.', ['C-0003']],
    ['Иванович Иванович', []],
    ['ив', ['C-0001', 'C-0002', 'C-0003', 'C-0004']],
    ['john', ['C-0005']],
    ['smith j', ['C-0005']],
    ['ванов', []],
    // LIKE wildcards in the text are literal, not patterns.
    ['и%', []],
    ['_ван', []],
    // Nor regular expressions.
    ['ива.*', []],
    ['[иван', []],
  ])('finds by the name %s', async (q, expected) => {
    expect(await bankIdsFor({ q })).toEqual(expected)
  })

  it('filters by branch, segment, status and VIP', async () => {
    expect(await bankIdsFor({ branch: 'MSK' })).toEqual(['C-0001', 'C-0003'])
    expect(await bankIdsFor({ branch: 'EKB', q: 'иван' })).toEqual(['C-0002', 'C-0004'])
    expect(await bankIdsFor({ branch: 'NONE' })).toEqual([])
    expect(await bankIdsFor({ segment: 'premium' })).toEqual(['C-0002'])
    expect(await bankIdsFor({ status: 'churned' })).toEqual(['C-0003'])
    expect(await bankIdsFor({ vip: true })).toEqual(['C-0002'])
    expect(await bankIdsFor({ vip: false, q: 'иван' })).toEqual(['C-0001', 'C-0003', 'C-0004'])
  })

  it('sorts and pages, counting all matches', async () => {
    expect(await bankIdsFor({}, { sort: 'fullName' })).toEqual(['C-0005', 'C-0004', 'C-0001', 'C-0002', 'C-0003'])
    expect(await bankIdsFor({}, { sort: 'monthlyIncome', order: 'desc', limit: 2 })).toEqual(['C-0005', 'C-0004'])
    const page = await searchClients(db.kysely, { filter: toClientFilter({ q: 'иван' }, FULL), page: { ...PAGE, limit: 2, offset: 2 } })
    expect(page.total).toBe(4)
    expect(page.items.map((c) => c.bankId)).toEqual(['C-0003', 'C-0004'])
    const pastTheEnd = await searchClients(db.kysely, { filter: toClientFilter({ q: 'иван' }, FULL), page: { ...PAGE, offset: 10 } })
    expect(pastTheEnd).toEqual({ total: 4, items: [] })
  })

  it('returns the list fields with the branch', async () => {
    const { items } = await searchClients(db.kysely, { filter: toClientFilter({ q: 'C-0001' }, FULL), page: PAGE })
    expect(items[0]).toEqual({
      id: base.ids['C-0001'],
      bankId: 'C-0001',
      fullName: 'Иванов Иван Петрович',
      birthDate: '1980-05-17',
      phone: '79123456789',
      email: 'ivanov@mail.ru',
      gender: null,
      segment: 'mass',
      vip: false,
      status: 'active',
      branchCode: 'MSK',
      branchName: 'ЦБУ «Тверская»',
      regionCode: '77',
      clientSince: '2015-03-01',
      monthlyIncome: 85000.5,
    })
  })

  it('reads the matches in id batches for exports', async () => {
    const filter = toClientFilter({ q: 'иван' }, FULL)
    expect(await countClients(db.kysely, filter)).toBe(4)
    const first = await listClientsAfter(db.kysely, { filter, afterId: 0, size: 3 })
    const rest = await listClientsAfter(db.kysely, { filter, afterId: first.at(-1)!.id, size: 3 })
    expect([...first, ...rest].map((c) => c.bankId)).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004'])
  })
})

describe('client scope', () => {
  it('keeps branch staff to their branch, or its region, or nothing without a branch', async () => {
    const scoped = async (scope: ClientAccess['scope']) =>
      (await searchClients(db.kysely, { filter: toClientFilter({}, { ...FULL, scope }), page: PAGE })).items.map((c) => c.bankId)
    expect(await scoped({ kind: 'branch', branchId: base.branchIds.MSK })).toEqual(['C-0001', 'C-0003'])
    expect(await scoped({ kind: 'region', branchId: base.branchIds.EKB })).toEqual(['C-0002', 'C-0004'])
    expect(await scoped({ kind: 'none' })).toEqual([])
    expect(await scoped({ kind: 'bank' })).toHaveLength(5)
  })

  it('tells whether one client is in scope', async () => {
    const msk = { kind: 'branch', branchId: base.branchIds.MSK } as const
    expect(await isClientInScope(db.kysely, base.ids['C-0001']!, msk)).toBe(true)
    expect(await isClientInScope(db.kysely, base.ids['C-0002']!, msk)).toBe(false)
    expect(await isClientInScope(db.kysely, base.ids['C-0005']!, msk)).toBe(false)
    expect(await isClientInScope(db.kysely, base.ids['C-0005']!, { kind: 'bank' })).toBe(true)
  })

  it('searches the phone only when the viewer is cleared for it', async () => {
    const marketer = { ...FULL, cleared: CLEARANCE.marketer }
    const found = await searchClients(db.kysely, { filter: toClientFilter({ q: '8 (912) 345-67-89' }, marketer), page: PAGE })
    expect(found.total).toBe(0)
  })
})

describe('client search plan', () => {
  // With sequential scans priced out, the plan shows whether every alternative of the search can
  // use an index: if the store's name expressions drift from migration 0003, this fails.
  it.each([
    ['иван петр', ['clients_search_name_trgm_idx', 'clients_bank_id_key_idx']],
    ['ив', ['clients_search_name_trgm_idx', 'clients_bank_id_key_idx']],
    ['Иванов И.', ['clients_search_name_trgm_idx', 'clients_bank_id_key_idx']],
    ['8 (912) 345-67-89', ['clients_phone_idx', 'clients_bank_id_key_idx']],
    ['645-13-52', ['clients_phone_trgm_idx', 'clients_bank_id_key_idx']],
    ['ivanov@mail.ru', ['clients_email_idx', 'clients_search_name_trgm_idx', 'clients_bank_id_key_idx']],
  ])('uses the indexes for %s', async (q, indexes) => {
    const compiled = selectMatchingClients(db.kysely, toClientFilter({ q }, FULL)).select('clients.id').compile()
    const plan = await db.kysely.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx)
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]))
      return result.rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    for (const index of indexes) expect(plan).toContain(index)
    expect(plan).not.toMatch(/Seq Scan on clients/)
  })
})
