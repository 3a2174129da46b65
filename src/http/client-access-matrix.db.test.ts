import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { setBranchStaffScope } from '../app/clients/set-branch-staff-scope.ts'
import { ROLES, type Role } from '../contract/roles.ts'
import { writeBranchStaffScopeSetting } from '../db/stores/access-setting-store.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../test/build-test-server.ts'
import { seedClientBase } from '../../test/seed-client-base.ts'

// The ACCESS MATRIX: every role × every path that returns client rows, with the outcome expected.
//   full    rows come back with the phone as stored
//   masked  rows come back with the phone masked
//   branch  masked rows of the viewer's own branch only (branch staff, MSK)
//   none    the request is answered, but finds nobody (a lookup by a field the role may not search)
//   deny    403
// Seeded: five clients (C-0001 and C-0003 in MSK, C-0002 and C-0004 in EKB, C-0005 in none), a
// wave with C-0001, C-0002 in target, and an import whose rejected row holds a phone and an e-mail.

const db = await openTestDatabase()
const base = await seedClientBase(db)
const app = await buildTestServer(db, () => new Date('2026-03-02T09:00:00Z'))
await createTestUser(db, 'branch', 'branch', base.branchIds.MSK)
const cookies = new Map<Role, string>()
for (const role of ROLES) cookies.set(role, (await signIn(app, db, role)).cookie)
const { waveId, importId } = await seedWaveAndImport()

afterAll(async () => {
  await app.close()
  await db.close()
})

type Outcome = 'full' | 'masked' | 'branch' | 'none' | 'deny'
type Path = { name: string; method?: 'GET' | 'POST'; url: string; body?: unknown; read: (response: { statusCode: number; body: string }) => Outcome }

const STORED_PHONES = ['79123456789', '79031112233', '79260000001', '447700900123']
const MSK = ['C-0001', 'C-0003']

/** The outcome of a response carrying client rows: whose rows, and whether their phones are masked. */
function outcomeOf(rows: { bankId?: string; phone: string | null }[]): Outcome {
  if (rows.length === 0) return 'none'
  const phones = rows.map((r) => r.phone).filter((p): p is string => p !== null)
  const masked = phones.every((p) => p.includes('*'))
  if (!masked && !phones.every((p) => STORED_PHONES.includes(p))) throw new Error(`neither masked nor stored: ${phones.join(', ')}`)
  if (masked && rows.every((r) => r.bankId !== undefined && MSK.includes(r.bankId))) return 'branch'
  return masked ? 'masked' : 'full'
}

const denied = (status: number) => status === 403
const list = (url: string): Path['read'] => (response) => {
  if (denied(response.statusCode)) return 'deny'
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200)
  return outcomeOf(JSON.parse(response.body).items)
}
const csvRows = (response: { statusCode: number; body: string }, columns: { bankId?: string; phone: string }) => {
  if (denied(response.statusCode)) return 'deny' as const
  expect(response.statusCode, response.body).toBe(200)
  const records = parse(response.body.replace(/^\ufeff/, ''), { columns: true, delimiter: [',', ';'] }) as Record<string, string>[]
  return outcomeOf(records.map((r) => ({ bankId: columns.bankId && r[columns.bankId], phone: r[columns.phone] || null })))
}

const PATHS: Path[] = [
  { name: 'list', url: '/api/clients?sort=bankId', read: list('list') },
  { name: 'search by name', url: `/api/clients?q=${encodeURIComponent('иван')}`, read: list('name') },
  { name: 'search by phone', url: `/api/clients?q=${encodeURIComponent('8 (912) 345-67-89')}`, read: list('phone') },
  { name: 'a deep page', url: '/api/clients?offset=5000', read: list('deep') },
  { name: 'a page of 500', url: '/api/clients?limit=500', read: list('500') },
  { name: 'wave members', url: `/api/clients?wave=${waveId}&group=target`, read: list('wave') },
  {
    name: 'card of a client of MSK',
    url: `/api/clients/${base.ids['C-0001']}`,
    read: (response) => (denied(response.statusCode) ? 'deny' : outcomeOf([{ ...JSON.parse(response.body).client, bankId: undefined }])),
  },
  {
    name: 'card of a client of EKB',
    url: `/api/clients/${base.ids['C-0002']}`,
    read: (response) => (denied(response.statusCode) ? 'deny' : outcomeOf([{ ...JSON.parse(response.body).client, bankId: undefined }])),
  },
  { name: 'export', url: '/api/clients/export', read: (response) => csvRows(response, { bankId: 'Bank id', phone: 'Phone' }) },
  { name: 'wave export', url: `/api/clients/export?wave=${waveId}`, read: (response) => csvRows(response, { bankId: 'Bank id', phone: 'Phone' }) },
  {
    name: 'note on a client of EKB',
    method: 'POST',
    url: `/api/clients/${base.ids['C-0002']}/notes`,
    body: { kind: 'other', body: 'Спросил про вклад' },
    read: (response) => (denied(response.statusCode) ? 'deny' : (expect(response.statusCode).toBe(201), 'full')),
  },
  {
    name: 'import detail',
    url: `/api/imports/${importId}`,
    read: (response) => {
      if (denied(response.statusCode)) return 'deny'
      const reason: string = JSON.parse(response.body).rejections[0].reason
      return reason.includes('79123456789') ? 'full' : (expect(reason).toContain('7******89'), 'masked')
    },
  },
  { name: 'import rejections CSV', url: `/api/imports/${importId}/rejections`, read: (response) => csvRows(response, { phone: 'Телефон' }) },
]

const r = (head: Outcome, manager: Outcome, client_economist: Outcome, analyst: Outcome, program_economist: Outcome, marketer: Outcome, operator: Outcome, branch: Outcome, admin: Outcome, auditor: Outcome) =>
  ({ head, manager, client_economist, analyst, program_economist, marketer, operator, branch, admin, auditor }) satisfies Record<Role, Outcome>

// prettier-ignore
const MATRIX: Record<string, Record<Role, Outcome>> = {
  //                                  head      manager   cl.econ.  analyst   prog.econ marketer  operator  branch    admin     auditor
  'list':                         r('full',   'full',   'full',   'masked', 'full',   'masked', 'full',   'branch', 'deny',   'deny'),
  'search by name':               r('full',   'full',   'full',   'masked', 'full',   'masked', 'full',   'branch', 'deny',   'deny'),
  'search by phone':              r('full',   'full',   'full',   'none',   'full',   'none',   'full',   'none',   'deny',   'deny'),
  'a deep page':                  r('none',   'none',   'none',   'none',   'none',   'deny',   'deny',   'deny',   'deny',   'deny'),
  'a page of 500':                r('full',   'full',   'full',   'masked', 'full',   'deny',   'deny',   'deny',   'deny',   'deny'),
  'wave members':                 r('full',   'full',   'full',   'masked', 'full',   'masked', 'deny',   'deny',   'deny',   'deny'),
  'card of a client of MSK':      r('full',   'full',   'full',   'masked', 'full',   'masked', 'full',   'masked', 'deny',   'deny'),
  'card of a client of EKB':      r('full',   'full',   'full',   'masked', 'full',   'masked', 'full',   'deny',   'deny',   'deny'),
  'export':                       r('full',   'full',   'full',   'masked', 'full',   'deny',   'deny',   'deny',   'deny',   'deny'),
  'wave export':                  r('full',   'full',   'full',   'masked', 'full',   'deny',   'deny',   'deny',   'deny',   'deny'),
  'note on a client of EKB':      r('deny',   'full',   'full',   'deny',   'deny',   'deny',   'full',   'deny',   'deny',   'deny'),
  'import detail':                r('full',   'deny',   'deny',   'masked', 'deny',   'deny',   'deny',   'deny',   'masked', 'deny'),
  'import rejections CSV':        r('deny',   'deny',   'deny',   'masked', 'deny',   'deny',   'deny',   'deny',   'masked', 'deny'),
}

describe('the access matrix', () => {
  it('has a row for every path and a column for every role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(PATHS.map((p) => p.name).sort())
  })

  describe.each(PATHS)('$name', (path) => {
    it.each(ROLES)('%s', async (role) => {
      const response = await app.inject({ method: path.method ?? 'GET', url: path.url, payload: path.body as object | undefined, headers: { cookie: cookies.get(role)! } })
      expect(path.read(response), response.body.slice(0, 300)).toBe(MATRIX[path.name]![role])
    })
  })
})

describe('audit of list reads', () => {
  it('records a search with the query and the count, not the rows', async () => {
    await app.inject({ url: `/api/clients?q=${encodeURIComponent('Петрова')}&segment=premium`, headers: { cookie: cookies.get('marketer')! } })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'client.list').where('login', '=', 'marketer').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(event.details).toEqual({ filter: { q: 'Петрова', segment: 'premium' }, page: { sort: 'fullName', order: 'asc', limit: 50, offset: 0 }, total: 1, shown: 1 })
    expect(JSON.stringify(event.details)).not.toContain('79031112233')
  })

  it('tells the caller how far the role may page, for the web pager', async () => {
    const body = (await app.inject({ url: '/api/clients', headers: { cookie: cookies.get('marketer')! } })).json()
    expect(body.bounds).toEqual({ maxLimit: 50, maxDepth: 1000 })
  })

  it('records a refused page as nothing read', async () => {
    const before = await db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'client.list').executeTakeFirstOrThrow()
    expect((await app.inject({ url: '/api/clients?limit=500', headers: { cookie: cookies.get('marketer')! } })).statusCode).toBe(403)
    const after = await db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'client.list').executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('the branch staff scope setting', () => {
  it('widens branch staff to their region or the bank when the bank says so, and back', async () => {
    const bankIds = async () => (await app.inject({ url: '/api/clients?sort=bankId', headers: { cookie: cookies.get('branch')! } })).json().items.map((c: { bankId: string }) => c.bankId)
    try {
      await setBranchStaffScope(db.kysely, { scope: 'bank', actor: { id: null, login: 'test' } })
      expect(await bankIds()).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005'])
      const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'settings.branch_staff_scope').executeTakeFirstOrThrow()
      expect(event.details).toEqual({ scope: 'bank' })
      await expect(setBranchStaffScope(db.kysely, { scope: 'planet', actor: { id: null, login: 'test' } })).rejects.toThrow(/branch, region, bank/)
      await writeBranchStaffScopeSetting(db.kysely, 'region')
      expect(await bankIds()).toEqual(MSK)
      // A value the code does not know (written by hand) falls back to the narrowest scope.
      await writeBranchStaffScopeSetting(db.kysely, 'no such scope')
      expect(await bankIds()).toEqual(MSK)
    } finally {
      await writeBranchStaffScopeSetting(db.kysely, 'branch')
    }
  })

  it('shows a branch user without a branch nobody', async () => {
    await createTestUser(db, 'branch', 'branch2')
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'branch2', password: 'pw' } })
    const session = login.cookies.find((c) => c.name === 'otklik_session')!
    const response = await app.inject({ url: '/api/clients', headers: { cookie: `otklik_session=${session.value}` } })
    expect(response.json()).toMatchObject({ total: 0, items: [] })
  })
})

describe('GET /api/products', () => {
  it.each([
    ['analyst', true], ['head', true], ['admin', true], ['operator', false], ['branch', false], ['marketer', false],
  ] as const)('the %s sees the economics: %s', async (role, sees) => {
    const items = (await app.inject({ url: '/api/products', headers: { cookie: cookies.get(role)! } })).json().items
    const deposit = items.find((p: { code: string }) => p.code === 'TD12')
    expect(deposit.clientRate).toBe(0.12)
    expect('ftpRate' in deposit).toBe(sees)
    expect('probabilityOfDefault' in deposit).toBe(sees)
  })
})

async function seedWaveAndImport(): Promise<{ waveId: number; importId: number }> {
  const k = db.kysely
  const program = await k.insertInto('programs').values({ code: 'P1', name: 'Вклад', seed: 's' }).returning('id').executeTakeFirstOrThrow()
  const policy = await k.insertInto('contact_policies').values({ rules: '{}' }).returning('version').executeTakeFirstOrThrow()
  const wave = await k
    .insertInto('waves')
    .values({ program_id: program.id, channel: 'sms', rule: '{}', policy_version: policy.version, policy: '{}', seed: 's', control_share: 0.1, include_holdout: false, as_of: '2026-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await k
    .insertInto('wave_members')
    .values([
      { wave_id: wave.id, client_id: base.ids['C-0001']!, group: 'target' },
      { wave_id: wave.id, client_id: base.ids['C-0002']!, group: 'target' },
      { wave_id: wave.id, client_id: base.ids['C-0004']!, group: 'control' },
    ])
    .execute()
  const headers = ['bank_id', 'ФИО', 'Телефон', 'email']
  const row = await k
    .insertInto('imports')
    .values({ kind: 'clients', file_name: 'clients.csv', login: 'analyst', status: 'done', rejected: 1, files: JSON.stringify({ 'clients.csv': { headers, loaded: 0, rejected: 1 } }), delimiter: ';' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`
    INSERT INTO import_rejections (import_id, file, line, reason, cells) VALUES
      (${row.id}, 'clients.csv', 2, 'column "Телефон" (phone) "79123456789": duplicate', ${JSON.stringify(['C-0001', 'Иванов Иван', '79123456789', 'ivanov@mail.ru'])})
  `.execute(k)
  return { waveId: wave.id, importId: row.id }
}
