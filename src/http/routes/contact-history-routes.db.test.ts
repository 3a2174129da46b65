import ExcelJS from 'exceljs'
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { listContactHistoryPage } from '../../db/stores/contact-history-store.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedSendWave, type SeededSendWave } from '../../../test/seed-send-wave.ts'

// A wave's and a program's contact history through the API: who may read it, masking, filters,
// keyset pages that cover every contact exactly once, the CSV with its audit event, and a deep
// page of a 100k-contact wave read from the index rather than by sorting the wave.
let db: Database
let app: App
let email: SeededSendWave
let smsWaveId: number
const cookies: Record<string, string> = {}

/** The target members' contacts written as a finished wave leaves them: sent (some delivered), failed, skipped, one retry queued. */
async function writeContacts(waveId: number, programId: number, channel: 'email' | 'sms'): Promise<void> {
  await sql`INSERT INTO contacts (client_id, program_id, wave_id, channel, status, queued_at, sent_at, address, skip_reason, delivery_status, delivered_at, error, attempts, next_attempt_at, idempotency_key, updated_at)
    SELECT m.client_id, ${programId}, ${waveId}, ${channel}, s.state, '2026-12-01T07:00:00Z',
      CASE WHEN s.state = 'sent' THEN timestamptz '2026-12-01T07:05:00Z' END,
      CASE WHEN s.state IN ('sent', 'failed') THEN CASE WHEN ${channel} = 'email' THEN c.email ELSE c.phone END END,
      CASE WHEN s.state = 'skipped' THEN 'consent' END,
      CASE WHEN s.state = 'sent' AND ${channel} = 'sms' THEN 'delivered' END,
      CASE WHEN s.state = 'sent' AND ${channel} = 'sms' THEN timestamptz '2026-12-01T07:05:30Z' END,
      CASE WHEN s.state = 'failed' THEN '550 5.1.1 mailbox unavailable' END,
      CASE WHEN s.state = 'skipped' THEN 0 ELSE 1 END,
      CASE WHEN s.state = 'queued' THEN timestamptz '2026-12-01T09:00:00Z' END,
      'wave:' || ${waveId} || ':' || ${channel}, '2026-12-01T07:06:00Z'
    FROM wave_members m JOIN clients c ON c.id = m.client_id
    CROSS JOIN LATERAL (SELECT (ARRAY['sent','sent','sent','failed','skipped','queued'])[1 + (m.client_id % 6)::int] AS state) s
    WHERE m.wave_id = ${waveId} AND m."group" = 'target'`.execute(db.kysely)
}

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db)
  email = await seedSendWave(db, { code: 'HIST', members: 40, channel: 'email' })
  await writeContacts(email.waveId, email.programId, 'email')
  // A second wave of the same program, by SMS, to the same members.
  const wave = await sql<{ id: number }>`INSERT INTO waves (program_id, channel, rule, policy_version, policy, seed, control_share, include_holdout, as_of)
    SELECT program_id, 'sms', rule, policy_version, policy, seed, control_share, include_holdout, as_of FROM waves WHERE id = ${email.waveId} RETURNING id`.execute(db.kysely)
  smsWaveId = wave.rows[0]!.id
  await sql`INSERT INTO wave_members (client_id, wave_id, "group") SELECT client_id, ${smsWaveId}, "group" FROM wave_members WHERE wave_id = ${email.waveId}`.execute(db.kysely)
  await writeContacts(smsWaveId, email.programId, 'sms')
  for (const role of ['program_economist', 'analyst', 'marketer', 'head'] as const) cookies[role] = (await signIn(app, db, role)).cookie
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const get = (role: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role]! } })

describe('GET /api/waves/:id/contacts', () => {
  it('lists the wave\'s contacts newest first with their state, delivery, attempts and error', async () => {
    const response = await get('program_economist', `/api/waves/${email.waveId}/contacts?limit=200`)
    expect(response.statusCode).toBe(200)
    const { items, next } = response.json()
    expect(items).toHaveLength(36)
    expect(next).toBeNull()
    expect(items.map((i: { id: number }) => i.id)).toEqual([...items.map((i: { id: number }) => i.id)].sort((a, b) => b - a))
    const failed = items.find((i: { state: string }) => i.state === 'failed')
    expect(failed).toMatchObject({ program: 'HIST', wave: email.waveId, channel: 'email', attempts: 1, error: '550 5.1.1 mailbox unavailable', sentAt: null })
    expect(failed.address).toMatch(/^client\d+@hist\.example$/)
    expect(items.find((i: { state: string }) => i.state === 'skipped')).toMatchObject({ skipReason: 'consent', address: null, attempts: 0 })
    expect(items.find((i: { state: string }) => i.state === 'queued')).toMatchObject({ nextAttemptAt: '2026-12-01T09:00:00.000Z' })
    const audit = await db.kysely.selectFrom('audit_events').select(['entity', 'entity_id', 'details']).where('action', '=', 'client.list').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ entity: 'wave', entity_id: String(email.waveId), details: { via: 'contacts', shown: 36 } })
  })

  it('masks the address for a role not cleared to see it, and refuses the marketer', async () => {
    const { items } = (await get('analyst', `/api/waves/${smsWaveId}/contacts?state=sent`)).json()
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) expect(item.address).toMatch(/^7\*{6}\d\d$/)
    expect(items[0]).toMatchObject({ deliveryStatus: 'delivered', deliveredAt: '2026-12-01T07:05:30.000Z' })
    expect((await get('marketer', `/api/waves/${email.waveId}/contacts`)).statusCode).toBe(403)
    expect((await get('marketer', `/api/programs/HIST/contacts/export`)).statusCode).toBe(403)
  })

  it('pages by keyset: every contact once, in order, and the last page says there is no next', async () => {
    const seen: number[] = []
    let before: number | null | undefined
    let pages = 0
    do {
      const { items, next } = (await get('head', `/api/programs/HIST/contacts?limit=7${before ? `&before=${before}` : ''}`)).json()
      seen.push(...items.map((i: { id: number }) => i.id))
      before = next
      pages += 1
    } while (before !== null && pages < 50)
    const all = await db.kysely.selectFrom('contacts').select('id').where('program_id', '=', email.programId).orderBy('id', 'desc').execute()
    expect(seen).toEqual(all.map((r) => Number(r.id)))
    expect(pages).toBe(Math.ceil(72 / 7))
  })

  it('filters a program\'s contacts by state and channel', async () => {
    const { items } = (await get('head', '/api/programs/HIST/contacts?state=failed&channel=sms&limit=200')).json()
    const expected = await db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('n')).where('wave_id', '=', smsWaveId).where('status', '=', 'failed').executeTakeFirstOrThrow()
    expect(items).toHaveLength(Number(expected.n))
    expect(new Set(items.map((i: { state: string; channel: string; wave: number }) => `${i.state} ${i.channel} ${i.wave}`))).toEqual(new Set([`failed sms ${smsWaveId}`]))
  })

  it('names the parameter it cannot read, and the wave or program that does not exist', async () => {
    const badState = await get('head', `/api/waves/${email.waveId}/contacts?state=delivered`)
    expect(badState.statusCode).toBe(400)
    expect(badState.body).toContain('state')
    const badCursor = await get('head', `/api/waves/${email.waveId}/contacts?before=abc`)
    expect(badCursor.statusCode).toBe(400)
    expect(badCursor.body).toContain('before')
    expect((await get('head', `/api/waves/${email.waveId}/contacts?limit=201`)).statusCode).toBe(400)
    expect((await get('head', '/api/waves/99999/contacts')).json().details).toMatchObject({ code: 'wave.not_found' })
    expect((await get('head', '/api/programs/NOPE/contacts')).json().details).toMatchObject({ code: 'program.not_found' })
  })
})

describe('GET …/contacts/export', () => {
  it('downloads the filtered contacts as CSV in the language asked, masked and audited before the file leaves', async () => {
    // A client whose name a spreadsheet would run as a formula.
    await sql`UPDATE clients SET full_name = '=HYPERLINK("http://x")' WHERE id = ${email.clientIds.target[0]}`.execute(db.kysely)
    const response = await get('analyst', `/api/programs/HIST/contacts/export?lang=ru&channel=email`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/filename="program-HIST-contacts-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = response.body.replace(/^\ufeff/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Программа;Волна;Идентификатор в банке;ФИО;Канал;Адрес;Состояние;Чем снято;Доставка;Доставлено;Поставлено в очередь;Отправлено;Попыток;Следующая попытка;Ошибка')
    expect(lines).toHaveLength(1 + 36)
    expect(response.headers['x-row-count']).toBe('36')
    const sent = lines.find((line) => line.includes(';отправлено;'))!
    // The analyst is not cleared for e-mail addresses; times are the bank's (Moscow: UTC+3).
    expect(sent).toMatch(/^HIST;\d+;HIST-\d+;Иванова Мария Петровна \d+;E-mail;c\*\*\*@\*\*\*;отправлено;;;;01\.12\.2026 10:00:00;01\.12\.2026 10:05:00;1;;$/)
    expect(lines.find((line) => line.includes('снято политикой'))).toContain(';нет согласия;')
    expect(lines.some((line) => line.includes(`;"'=HYPERLINK(""http://x"")";`))).toBe(true)
    const audit = await db.kysely.selectFrom('audit_events').select(['login', 'entity', 'entity_id', 'details']).where('action', '=', 'contact.export').executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ login: 'analyst', entity: 'program', entity_id: 'HIST', details: { lang: 'ru', filter: { channel: 'email' }, rowCount: 36 } })
  })

  it('writes English with commas and ISO-ordered dates', async () => {
    const response = await get('program_economist', `/api/waves/${smsWaveId}/contacts/export?lang=en&state=sent`)
    const lines = response.body.replace(/^\ufeff/, '').trim().split('\r\n')
    expect(lines[0]!.startsWith('Program,Wave,Bank id,Full name,Channel,Address,State,')).toBe(true)
    expect(lines[1]).toMatch(/^HIST,\d+,HIST-\d+,[^,]+,SMS,7912\d{7},sent,,delivered,2026-12-01 10:05:30,2026-12-01 10:00:00,2026-12-01 10:05:00,1,,$/)
  })
})

describe('GET …/contacts/export?format=xlsx', () => {
  it('writes the CSV\'s columns and words as a workbook: real bank-zone times and numbers, masked, formulas escaped', async () => {
    const response = await get('analyst', `/api/programs/HIST/contacts/export?lang=ru&channel=email&format=xlsx`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    expect(response.headers['content-disposition']).toMatch(/filename="program-HIST-contacts-\d{4}-\d{2}-\d{2}\.xlsx"/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Контакты')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'Программа', 'Волна', 'Идентификатор в банке', 'ФИО', 'Канал', 'Адрес', 'Состояние', 'Чем снято', 'Доставка', 'Доставлено', 'Поставлено в очередь', 'Отправлено', 'Попыток', 'Следующая попытка', 'Ошибка'])
    expect(sheet.rowCount).toBe(1 + 36)
    const rows = Array.from({ length: 36 }, (_, i) => sheet.getRow(i + 2))
    const sent = rows.find((row) => row.getCell(7).value === 'отправлено')!
    // Moscow wall-clock time as the cell's date (UTC+3), the analyst's e-mail masked, counts as numbers.
    expect([sent.getCell(2).value, sent.getCell(5).value, sent.getCell(6).value, sent.getCell(11).value, sent.getCell(12).value, sent.getCell(13).value])
      .toEqual([email.waveId, 'E-mail', 'c***@***', new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:05:00Z'), 1])
    expect(sent.getCell(12).numFmt).toBe('dd.mm.yyyy hh:mm:ss')
    expect(rows.some((row) => row.getCell(4).value === '\'=HYPERLINK("http://x")')).toBe(true)
    const audit = await db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'contact.export').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ format: 'xlsx', rowCount: 36 })
  })
})

describe('a wave of 100,000 contacts', () => {
  it('reads a deep page from the (wave_id, id) index, not by sorting the wave', async () => {
    const wave = await sql<{ id: number }>`INSERT INTO waves (program_id, channel, rule, policy_version, policy, seed, control_share, include_holdout, as_of)
      SELECT program_id, 'email', rule, policy_version, policy, seed, control_share, include_holdout, as_of FROM waves WHERE id = ${email.waveId} RETURNING id`.execute(db.kysely)
    const big = wave.rows[0]!.id
    await sql`INSERT INTO clients (bank_id, full_name, segment) SELECT 'BIG-' || g, 'Клиент ' || g, 'mass' FROM generate_series(1, 100000) g`.execute(db.kysely)
    await sql`INSERT INTO contacts (client_id, program_id, wave_id, channel, status, queued_at, idempotency_key)
      SELECT id, ${email.programId}, ${big}, 'email', CASE WHEN id % 50 = 0 THEN 'failed' ELSE 'sent' END, now(), 'wave:' || ${big} || ':email'
      FROM clients WHERE bank_id LIKE 'BIG-%'`.execute(db.kysely)
    await sql`ANALYZE contacts`.execute(db.kysely)
    const middle = await sql<{ id: string }>`SELECT id FROM contacts WHERE wave_id = ${big} ORDER BY id OFFSET 50000 LIMIT 1`.execute(db.kysely)
    const before = Number(middle.rows[0]!.id)

    // The store's own query, captured as it runs and explained.
    const captured: RootOperationNode[] = []
    const capture: KyselyPlugin = { transformQuery: ({ node }) => (captured.push(node), node), transformResult: async ({ result }) => result }
    const traced = db.kysely.withPlugin(capture)
    const page = await listContactHistoryPage(traced, { scope: { waveId: big }, beforeId: before, limit: 51 })
    expect(page).toHaveLength(51)
    expect(page[0]!.id).toBe(before - 1)
    const compiled = traced.getExecutor().compileQuery(captured.at(-1)!, { queryId: 'explain' } as never)
    const plan = await db.kysely.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` } as never)
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n')
    expect(text).toContain('contacts_wave_history_idx')
    expect(text).not.toMatch(/\bSort\b/)

    const response = await get('head', `/api/waves/${big}/contacts?state=failed&before=${before}&limit=50`)
    expect(response.statusCode).toBe(200)
    expect(response.json().items).toHaveLength(50)
  }, 120_000)
})
