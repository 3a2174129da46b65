import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { multipart } from '../../../test/multipart-body.ts'

let db: Database
let app: App
let analyst: string
let head: string

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db)
  analyst = (await signIn(app, db, 'analyst')).cookie
  head = (await signIn(app, db, 'head')).cookie
})
afterAll(async () => {
  await app.close()
  await db.close()
})

async function post(url: string, cookie: string, body: ReturnType<typeof multipart>) {
  return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } })
}

async function finished(id: number, cookie = analyst) {
  for (let i = 0; i < 200; i++) {
    const response = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } })
    const body = response.json()
    if (body.status !== 'queued' && body.status !== 'running') return body
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the import did not finish')
}

const EXPORT = 'ИД клиента;ФИО;Дата рождения;Доход\r\nA1;Иванов Иван;01.02.1980;1 234,56\r\nA2;Петрова Анна;31.02.1980;100\r\nA3;;;\r\n'

describe('imports API', () => {
  it('lists the fields of a kind', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/imports/fields?kind=consents', headers: { cookie: analyst } })
    expect(response.statusCode).toBe(200)
    expect(response.json().fields.map((f: { name: string; required: boolean }) => [f.name, f.required])).toEqual([
      ['bank_id', true], ['channel', true], ['granted', true], ['effective_at', true], ['source', false],
    ])
  })

  it('previews a Windows-1251 export: encoding, delimiter, first rows and the suggested mapping', async () => {
    const response = await post('/api/imports/preview', analyst, multipart({}, { name: 'export.csv', content: iconv.encode(EXPORT, 'win1251') }))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({
      kind: 'clients',
      encoding: 'windows-1251',
      delimiter: ';',
      headers: ['ИД клиента', 'ФИО', 'Дата рождения', 'Доход'],
      rows: [['A1', 'Иванов Иван', '01.02.1980', '1 234,56'], ['A2', 'Петрова Анна', '31.02.1980', '100'], ['A3', '', '', '']],
      suggestedMapping: { bank_id: 'ИД клиента', full_name: 'ФИО', birth_date: 'Дата рождения', monthly_income: 'Доход' },
    })
  })

  it('imports in the background, shows the history, and downloads rejected rows that re-import once fixed', async () => {
    const started = await post('/api/imports', analyst, multipart({ kind: 'clients', dryRun: 'false' }, { name: 'Выгрузка.csv', content: iconv.encode(EXPORT, 'win1251') }))
    expect(started.statusCode, started.body).toBe(202)
    const record = await finished(started.json().id)
    expect(record).toMatchObject({ kind: 'clients', fileName: 'Выгрузка.csv', login: 'analyst', dryRun: false, status: 'done', rowsRead: 3, loaded: 1, rejected: 2, progress: 1 })
    expect(record.rejections).toEqual([
      {
        line: 3, file: 'Выгрузка.csv', reason: 'column "Дата рождения" (birth_date) "31.02.1980": expected a date dd.mm.yyyy or yyyy-mm-dd',
        reasons: [{ code: 'import.bad_date', column: 'Дата рождения', field: 'birth_date', value: '31.02.1980' }],
      },
      {
        line: 4, file: 'Выгрузка.csv', reason: 'column "ФИО" (full_name): required for a new client, the cell is blank',
        reasons: [{ code: 'import.required_for_new', column: 'ФИО', field: 'full_name' }],
      },
    ])

    const history = await app.inject({ method: 'GET', url: '/api/imports?limit=10', headers: { cookie: head } })
    expect(history.statusCode).toBe(200)
    expect(history.json().items[0]).toMatchObject({ id: record.id, status: 'done', loaded: 1 })

    const download = await app.inject({ method: 'GET', url: `/api/imports/${record.id}/rejections?format=csv`, headers: { cookie: analyst } })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('Выгрузка-rejected'))
    // The line and reason columns are in the reader's language: Russian unless the web asks for English.
    expect(download.body).toBe(
      '\ufeffИД клиента;ФИО;Дата рождения;Доход;строка;причина\r\n' +
      'A2;Петрова Анна;31.02.1980;100;3;Столбец «Дата рождения» «31.02.1980»: ожидается дата дд.мм.гггг или гггг-мм-дд.\r\n' +
      'A3;;;;4;Столбец «ФИО»: обязателен для новой записи, ячейка пуста.\r\n',
    )
    const english = await app.inject({ method: 'GET', url: `/api/imports/${record.id}/rejections?format=csv&lang=en`, headers: { cookie: analyst } })
    expect(english.body.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffИД клиента;ФИО;Дата рождения;Доход;line;reason',
      'A2;Петрова Анна;31.02.1980;100;3;"column ""Дата рождения"" (birth_date) ""31.02.1980"": expected a date dd.mm.yyyy or yyyy-mm-dd"',
    ])

    const fixed = download.body.replace('31.02.1980', '28.02.1980').replace('A3;;', 'A3;Сидоров;')
    const again = await post('/api/imports', analyst, multipart({ kind: 'clients' }, { name: 'fixed.csv', content: fixed }))
    expect(await finished(again.json().id)).toMatchObject({ status: 'done', loaded: 2, rejected: 0 })
    const names = await db.kysely.selectFrom('clients').select(['bank_id', 'full_name', 'birth_date']).orderBy('bank_id').execute()
    expect(names).toEqual([
      { bank_id: 'A1', full_name: 'Иванов Иван', birth_date: '1980-02-01' },
      { bank_id: 'A2', full_name: 'Петрова Анна', birth_date: '1980-02-28' },
      { bank_id: 'A3', full_name: 'Сидоров', birth_date: null },
    ])
    // The selection profile is rebuilt in the background once an import has loaded rows.
    let profiled = 0
    for (let i = 0; i < 200 && profiled < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      profiled = Number((await db.kysely.selectFrom('client_profile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    }
    expect(profiled).toBe(3)
    const audit = await db.kysely.selectFrom('audit_events').select('action').where('action', 'like', 'import.%').execute()
    expect(audit.map((a) => a.action)).toEqual(['import.create', 'import.rejections_download', 'import.rejections_download', 'import.create'])
  })

  it('records a file that cannot be imported as a failed import with the reason', async () => {
    const started = await post('/api/imports', analyst, multipart({ kind: 'holdings', dryRun: 'true' }, { name: 'h.csv', content: 'bank_id;amount\nA1;5\n' }))
    expect(started.statusCode).toBe(202)
    expect(await finished(started.json().id)).toMatchObject({
      status: 'failed', dryRun: true, loaded: 0, error: expect.stringContaining('missing required columns: account_no'),
      errorReason: { code: 'import.missing_columns', fields: 'account_no' },
    })
    const garbage = await post('/api/imports/preview', analyst, multipart({}, { name: 'x.csv', content: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)) }))
    expect(garbage.statusCode).toBe(422)
    expect(garbage.json().message).toContain('the file is not text')
  })

  it.each([
    ['no multipart body', undefined, 'multipart/form-data'],
    ['no file', multipart({ kind: 'clients' }), 'no file'],
    ['an unknown kind', multipart({ kind: 'shoes' }, { name: 'a.csv', content: 'a\n' }), 'kind'],
    ['a mapping that is not JSON', multipart({ kind: 'clients', mapping: '{bank_id' }, { name: 'a.csv', content: 'a\n' }), 'mapping must be JSON'],
    ['an unknown encoding', multipart({ kind: 'clients', encoding: 'klingon' }, { name: 'a.csv', content: 'a\n' }), 'unknown encoding'],
  ])('answers 400 to %s', async (_, body, message) => {
    const response = body
      ? await post('/api/imports', analyst, body)
      : await app.inject({ method: 'POST', url: '/api/imports', payload: { kind: 'clients' }, headers: { cookie: analyst } })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain(message)
  })

  it('lets the head read the history but not import', async () => {
    const response = await post('/api/imports', head, multipart({ kind: 'clients' }, { name: 'a.csv', content: 'bank_id\n' }))
    expect(response.statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/imports/999999', headers: { cookie: head } })).statusCode).toBe(404)
  })
})
