import { afterAll, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { ROLES, type Role } from '../contract/roles.ts'
import { listApiRoutes } from './build-server.ts'
import type { Access } from '../contract/route-access.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../test/build-test-server.ts'
import { multipart } from '../../test/multipart-body.ts'

// Input that used to reach PostgreSQL and fail there (500): ids beyond an `integer` column and
// text holding NUL. Each must be a 400 that names the field, on every route that takes one.

const db = await openTestDatabase()
const app = await buildTestServer(db)
const cookies = new Map<Role, string>()
for (const role of ROLES) cookies.set(role, (await signIn(app, db, role)).cookie)
afterAll(async () => {
  await app.close()
  await db.close()
})

const firstAllowed = (access: Access): Role => (access === 'public' || access === 'signed_in' ? 'admin' : access[0])

async function send(role: Role | undefined, method: string, url: string, payload?: unknown) {
  const response = await app.inject({ method: method as 'GET', url, payload: payload as object, headers: role ? { cookie: cookies.get(role)! } : {} })
  return { status: response.statusCode, body: response.json() as { error: string; message: string } }
}

const routesWithId = listApiRoutes(app).filter((r) => r.url.includes(':id'))
const BAD_IDS = ['2147483648', '9007199254740993', '99999999999999999999999', '0', '-1', '1.5', 'abc', '1e3']

describe('every route with an id in its path', () => {
  it('is found (the list below is not empty)', () => {
    expect(routesWithId.map((r) => `${r.method} ${r.url}`).length).toBeGreaterThanOrEqual(9)
  })

  it.each(routesWithId.map((r) => [`${r.method} ${r.url}`, r] as const))('%s answers 400 naming id to ids a row cannot have', async (_key, route) => {
    for (const id of BAD_IDS) {
      const { status, body } = await send(firstAllowed(route.access!), route.method, route.url.replace(':id', id), route.method === 'GET' ? undefined : {})
      expect(status, `${route.method} ${route.url} with id ${id}: ${JSON.stringify(body)}`).toBe(400)
      expect(body.message, id).toMatch(/\bid\b/)
    }
    const largest = await send(firstAllowed(route.access!), route.method, route.url.replace(':id', '2147483647'), route.method === 'GET' ? undefined : {})
    expect(largest.status, 'the largest id is a valid id').not.toBe(500)
  })
})

describe('ids in queries and bodies', () => {
  it.each([
    ['wave', 'analyst', 'GET', '/api/clients?wave=2147483648', undefined],
    ['branchId', 'admin', 'POST', '/api/users', { login: 'someone', fullName: 'Кто-то', role: 'branch', password: 'long enough', branchId: 2147483648 }],
    ['branchId', 'admin', 'PATCH', '/api/users/1', { branchId: 2147483648 }],
    ['selectionId', 'analyst', 'POST', '/api/waves/preview', { programCode: 'P1', rule: { all: [] }, channel: 'sms', selectionId: 2147483648 }],
    ['rule.value', 'analyst', 'POST', '/api/selections/count', { rule: { field: 'selection', op: 'in', value: 2147483648 } }],
  ] as const)('%s beyond an integer → 400', async (field, role, method, url, payload) => {
    const { status, body } = await send(role, method, url, payload)
    expect(status, JSON.stringify(body)).toBe(400)
    expect(body.message).toContain(field.split('.').at(-1))
  })
})

describe('text holding NUL', () => {
  it.each([
    ['login', undefined, 'POST', '/api/auth/login', { login: 'analyst\0', password: 'pw' }],
    ['password', undefined, 'POST', '/api/auth/login', { login: 'analyst', password: 'p\0w' }],
    ['q', 'analyst', 'GET', '/api/clients?q=%D0%98%00', undefined],
    ['q', 'head', 'GET', '/api/clients/export?q=%00', undefined],
    ['branch', 'analyst', 'GET', '/api/clients?branch=B%0001', undefined],
    ['body', 'operator', 'POST', '/api/clients/1/notes', { kind: 'life_event', body: 'переезд\0' }],
    ['fullName', 'admin', 'POST', '/api/users', { login: 'someone', fullName: 'Иван\0', role: 'branch', password: 'long enough' }],
    ['fullName', 'admin', 'PATCH', '/api/users/1', { fullName: 'Иван\0' }],
    ['name', 'analyst', 'POST', '/api/selections', { name: 'Выборка\0', rule: { all: [] } }],
    ['login', 'auditor', 'GET', '/api/audit?login=a%00', undefined],
    ['action', 'auditor', 'GET', '/api/audit?action=auth.login%00', undefined],
    ['rule.value', 'analyst', 'POST', '/api/selections/count', { rule: { field: 'region', op: 'eq', value: 'MSK\0' } }],
    ['programCode', 'analyst', 'POST', '/api/waves/preview', { programCode: 'P\0', rule: { all: [] }, channel: 'sms' }],
    ['program', 'analyst', 'GET', '/api/waves?program=P%00', undefined],
  ] as const)('%s → 400 naming it', async (field, role, method, url, payload) => {
    const { status, body } = await send(role, method, url, payload)
    expect(status, JSON.stringify(body)).toBe(400)
    expect(body.message).toContain(field)
  })

  it.each([
    ['the file name', 'fileName', multipart({ kind: 'clients' }, { name: 'clients\0.csv', content: 'bank_id\nA1\n' })],
    ['a form field', 'encoding', multipart({ kind: 'clients', encoding: 'utf-8\0' }, { name: 'clients.csv', content: 'bank_id\nA1\n' })],
  ])('%s of an upload → 400 naming it', async (_what, field, form) => {
    for (const url of ['/api/imports/preview', '/api/imports']) {
      const response = await app.inject({ method: 'POST', url, payload: form.payload, headers: { ...form.headers, cookie: cookies.get('analyst')! } })
      expect(response.statusCode, response.body).toBe(400)
      expect(response.json().message).toContain(field)
    }
  })
})

describe('requests the HTTP parser refuses', () => {
  // Through a real socket: app.inject does not go through Node's parser.
  async function rawRequest(head: Buffer): Promise<{ status: number; body: { error: string; details?: { code: string } } }> {
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = new URL(address)
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(head))
      socket.on('data', (chunk) => chunks.push(chunk))
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      socket.on('error', reject)
    })
    const [statusLine, ...rest] = text.split('\r\n')
    return { status: Number(statusLine.split(' ')[1]), body: JSON.parse(rest.join('\r\n').split('\r\n\r\n')[1]) }
  }

  it('answers a raw Cyrillic query with an error body naming the rule, not a bare 400', async () => {
    const head = Buffer.concat([Buffer.from('GET /api/clients?q='), Buffer.from('Иванов', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')])
    const { status, body } = await rawRequest(head)
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'bad_request', details: { code: 'request.bad_request_line' } })
  })
})
