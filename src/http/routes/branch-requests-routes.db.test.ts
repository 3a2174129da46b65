import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

// What branches hear (special requests, the ideas board) and the tasks for IT, through the API.
let db: Database
let app: App
let base: ClientBase
let now = new Date('2026-03-02T09:00:00Z')
const cookies = new Map<Role, string>()
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db, () => now)
  await createTestUser(db, 'branch', 'branch', base.branchIds.MSK)
  for (const role of ['branch', 'manager', 'client_economist', 'analyst', 'head', 'admin', 'marketer'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  // C-0002 holds a card with a balance (seedClientBase) and a deposit of 1 000 000,50 here; a loan's debt is not funds.
  await db.kysely.insertInto('holdings').values([
    { client_id: base.ids['C-0002']!, account_no: '42305810000000000001', product_code: 'TD12', opened_at: '2025-01-10', balance: '1000000.50' },
    { client_id: base.ids['C-0001']!, account_no: '45506810000000000001', product_code: 'CC', opened_at: '2025-01-10', balance: '50000' },
  ]).execute()
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const call = (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie: cookies.get(role)! }, ...(payload !== undefined && { payload: payload as object }) })
const audit = (action: string) => db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute()

describe('special requests', () => {
  it('branch staff record requests of their branch clients only, at their branch, with the segment', async () => {
    const mine = await call('branch', 'POST', `/api/clients/${base.ids['C-0001']}/requests`, { body: '  Вклад в юанях  ', productType: 'term_deposit', category: 'deposit_terms' })
    expect(mine.statusCode).toBe(201)
    expect(mine.json()).toMatchObject({ body: 'Вклад в юанях', segment: 'mass', branchId: base.branchIds.MSK, category: 'deposit_terms', authorLogin: 'branch', ideaIds: [] })
    expect((await call('branch', 'POST', `/api/clients/${base.ids['C-0002']}/requests`, { body: 'x', category: 'other' })).statusCode).toBe(403)
    // The personal manager works from head office: the request goes to the client's branch.
    now = new Date('2026-01-15T09:00:00Z')
    const vip = await call('manager', 'POST', `/api/clients/${base.ids['C-0002']}/requests`, { body: 'Металлический счёт', productType: 'investment', category: 'investments' })
    expect(vip.json()).toMatchObject({ segment: 'premium', branchId: base.branchIds.EKB })
    now = new Date('2026-03-02T09:00:00Z')
    expect((await audit('client_request.create')).map((e) => e.details)).toEqual([
      { request: mine.json().id, category: 'deposit_terms', productType: 'term_deposit' },
      { request: vip.json().id, category: 'investments', productType: 'investment' },
    ])
  })

  it.each([
    [{ body: '', category: 'other' }, 'body'],
    [{ body: 'x', category: 'nonsense' }, 'category'],
    [{ body: 'x' }, 'category'],
    [{ body: 'x', category: 'other', productType: 'yacht' }, 'productType'],
    [{ body: 'x'.repeat(2001), category: 'other' }, 'body'],
  ])('refuses %j naming %s', async (payload, field) => {
    const response = await call('branch', 'POST', `/api/clients/${base.ids['C-0001']}/requests`, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toMatchObject({ code: 'request.invalid', field })
  })

  it('lists in the viewer scope and refuses whom the access table does not name', async () => {
    expect((await call('branch', 'GET', '/api/requests')).json().items.map((r: { bankId: string }) => r.bankId)).toEqual(['C-0001'])
    expect((await call('head', 'GET', '/api/requests')).json().total).toBe(2)
    expect((await call('head', 'GET', '/api/requests?segment=premium')).json().items.map((r: { bankId: string }) => r.bankId)).toEqual(['C-0002'])
    expect((await call('marketer', 'GET', '/api/requests')).statusCode).toBe(403)
    expect((await call('branch', 'GET', '/api/requests/counts')).statusCode).toBe(403)
    expect((await call('branch', 'PATCH', '/api/requests/1', { category: 'fees' })).statusCode).toBe(403)
  })

  it('the client economist recategorises, and counts come per month with empty months as zeros', async () => {
    const [request] = (await call('head', 'GET', `/api/requests?client=${base.ids['C-0001']}`)).json().items
    const changed = await call('client_economist', 'PATCH', `/api/requests/${request.id}`, { category: 'new_product' })
    expect(changed.json()).toMatchObject({ category: 'new_product', productType: 'term_deposit', categorisedBy: 'client_economist' })
    expect((await call('client_economist', 'PATCH', '/api/requests/999999', { category: 'fees' })).statusCode).toBe(404)
    expect((await call('head', 'GET', '/api/requests?uncategorised=true')).json().total).toBe(1)
    const counts = (await call('client_economist', 'GET', '/api/requests/counts?by=segment')).json()
    expect(counts).toEqual({
      by: 'segment', months: ['2026-01', '2026-02', '2026-03'], total: 2,
      series: [{ key: 'mass', label: null, counts: [0, 0, 1], total: 1 }, { key: 'premium', label: null, counts: [1, 0, 0], total: 1 }],
    })
    const byBranch = (await call('head', 'GET', '/api/requests/counts?by=branch&from=2026-02-01')).json()
    expect(byBranch.series).toEqual([{ key: String(base.branchIds.MSK), label: 'ЦБУ «Тверская»', counts: [0, 1], total: 1 }])
    expect((await call('head', 'GET', '/api/requests/counts?by=region')).json().details).toMatchObject({ field: 'by' })
  })
})

describe('the product ideas board', () => {
  it('links requests as evidence, worth the clients funds, and moves by the table', async () => {
    const requests = (await call('head', 'GET', '/api/requests')).json().items as { id: number }[]
    const created = await call('client_economist', 'POST', '/api/product-ideas', { title: 'Вклады в юанях', productType: 'term_deposit' })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect(created.json()).toMatchObject({ status: 'new', allowedMoves: ['studying', 'rejected'], evidence: { requests: 0, funds: '0.00' } })
    const unknown = await call('client_economist', 'POST', `/api/product-ideas/${id}/evidence`, { add: [requests[0]!.id, 999999] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().details).toMatchObject({ code: 'product_idea.unknown_request', field: 'add.1' })
    const linked = (await call('client_economist', 'POST', `/api/product-ideas/${id}/evidence`, { add: requests.map((r) => r.id) })).json()
    // C-0002: the seeded card's balance and the deposit; C-0001's credit card is a debt, not funds.
    const c2funds = await db.kysely.selectFrom('holdings').select((eb) => eb.fn.sum<string>('balance').as('s')).where('client_id', '=', base.ids['C-0002']!).where('product_code', '!=', 'CC').executeTakeFirstOrThrow()
    expect(linked.evidence).toMatchObject({ requests: 2, clients: 2, funds: Number(c2funds.s).toFixed(2) })
    expect(linked.evidence.bySegment).toEqual(expect.arrayContaining([{ segment: 'mass', requests: 1 }, { segment: 'premium', requests: 1 }]))
    expect((await call('head', 'GET', `/api/requests?idea=${id}`)).json().total).toBe(2)
    expect((await call('head', 'GET', '/api/requests?idea=none')).json().total).toBe(0)

    const bad = await call('client_economist', 'POST', `/api/product-ideas/${id}/transition`, { to: 'accepted' })
    expect(bad.statusCode).toBe(409)
    expect(bad.json().details).toEqual({ code: 'product_idea.move_not_allowed', status: 'new', to: 'accepted', allowed: 'studying, rejected' })
    for (const to of ['studying', 'proposed', 'accepted']) expect((await call('client_economist', 'POST', `/api/product-ideas/${id}/transition`, { to })).statusCode).toBe(200)
    expect((await call('head', 'POST', `/api/product-ideas/${id}/transition`, { to: 'rejected' })).statusCode).toBe(403)
    const board = (await call('head', 'GET', '/api/product-ideas')).json()
    expect(board).toHaveLength(1)
    expect(board[0]).toMatchObject({ status: 'accepted', allowedMoves: [] })
    expect((await audit('product_idea.move')).map((e) => e.details)).toEqual([{ from: 'new', to: 'studying' }, { from: 'studying', to: 'proposed' }, { from: 'proposed', to: 'accepted' }])
    expect((await call('client_economist', 'PATCH', `/api/product-ideas/${id}`, {})).json().details).toMatchObject({ field: 'title' })
  })
})

describe('tasks for IT', () => {
  it('the analyst sets tasks, moves them by the table, comments, and sees the overdue ones flagged', async () => {
    const selection = await db.kysely.insertInto('selections').values({ name: 'Без телефона', rule: JSON.stringify({ all: [] }) }).returning('id').executeTakeFirstOrThrow()
    const late = await call('analyst', 'POST', '/api/it-tasks', { title: 'Исправить даты рождения', kind: 'data_fix', selectionId: selection.id, fields: ['birth_date'], owner: 'ДИТ, Петров', dueDate: '2026-02-20' })
    expect(late.statusCode).toBe(201)
    expect(late.json()).toMatchObject({ status: 'new', overdue: true, selection: { id: selection.id, name: 'Без телефона' }, fields: ['birth_date'], createdBy: 'analyst' })
    const soon = await call('analyst', 'POST', '/api/it-tasks', { title: 'Выгрузка зарплатных клиентов', kind: 'extract', clientCount: 1200, dueDate: '2026-03-30' })
    expect(soon.json()).toMatchObject({ overdue: false, clientCount: 1200, selection: null })

    expect((await call('analyst', 'GET', '/api/it-tasks?overdue=true')).json().map((t: { id: number }) => t.id)).toEqual([late.json().id])
    expect((await call('head', 'GET', '/api/it-tasks?kind=extract')).json().map((t: { id: number }) => t.id)).toEqual([soon.json().id])
    const bad = await call('analyst', 'PATCH', `/api/it-tasks/${late.json().id}`, { status: 'done' })
    expect(bad.statusCode).toBe(409)
    expect(bad.json().details).toEqual({ code: 'it_task.move_not_allowed', status: 'new', to: 'done', allowed: 'in_progress, cancelled' })
    await call('analyst', 'PATCH', `/api/it-tasks/${late.json().id}`, { status: 'in_progress', clientCount: 40 })
    const done = await call('analyst', 'PATCH', `/api/it-tasks/${late.json().id}`, { status: 'done' })
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, clientCount: 40, selection: null, allowedMoves: ['in_progress'] })
    expect(done.json().closedAt).not.toBeNull()
    const commented = await call('admin', 'POST', `/api/it-tasks/${late.json().id}/comments`, { text: 'Исправлено в ночной загрузке' })
    expect(commented.json().comments).toEqual([{ at: now.toISOString(), author: 'admin', text: 'Исправлено в ночной загрузке' }])
    expect((await audit('it_task.move')).map((e) => e.details)).toEqual([{ fields: ['clientCount'], from: 'new', to: 'in_progress' }, { fields: [], from: 'in_progress', to: 'done' }])
  })

  it.each([
    [{ kind: 'extract' }, 'title'],
    [{ title: 'x', kind: 'report' }, 'kind'],
    [{ title: 'x', kind: 'extract', dueDate: '2026-02-30' }, 'dueDate'],
    [{ title: 'x', kind: 'extract', clientCount: 0 }, 'clientCount'],
    [{ title: 'x', kind: 'extract', clientCount: 5, selectionId: 1 }, 'selectionId'],
    [{ title: 'x', kind: 'extract', fields: [''] }, 'fields.0'],
  ])('refuses %j naming %s', async (payload, field) => {
    const response = await call('analyst', 'POST', '/api/it-tasks', payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toMatchObject({ field })
  })

  it('names an unknown selection, and refuses other roles', async () => {
    const response = await call('analyst', 'POST', '/api/it-tasks', { title: 'x', kind: 'extract', selectionId: 424242 })
    expect(response.json().details).toEqual({ code: 'it_task.unknown_selection', field: 'selectionId', id: 424242 })
    expect((await call('head', 'POST', '/api/it-tasks', { title: 'x', kind: 'extract' })).statusCode).toBe(403)
    expect((await call('branch', 'GET', '/api/it-tasks')).statusCode).toBe(403)
  })
})
