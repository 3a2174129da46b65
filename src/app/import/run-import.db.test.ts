import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { listRejections } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport, type RunImportInput } from './run-import.ts'

let db: Database
const files = makeTempDir()
const user = { id: null, login: 'test' }

beforeAll(async () => {
  db = await openTestDatabase()
    await db.kysely.insertInto('branches').values([{ code: 'B01', name: 'Центральный', region_code: '77' }, { code: 'B02', name: 'Уральский', region_code: '66' }]).execute()
  await db.kysely.insertInto('products').values([{ code: 'DC_SALARY', type: 'debit_card', name: 'Зарплатная карта' }]).execute()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

function run(kind: RunImportInput['kind'], name: string, content: string | Buffer, extra: Partial<RunImportInput> = {}) {
  const path = files.write(name, content)
  return runImport(db, { kind, path, fileName: name, dryRun: false, user, today: '2026-12-02', ...extra })
}

async function client(bankId: string) {
  return db.kysely.selectFrom('clients').selectAll().where('bank_id', '=', bankId).executeTakeFirst()
}

async function rejections(id: number) {
  return (await listRejections(db.kysely, { importId: id, limit: 100 })).map((r) => ({ line: r.line, reason: r.reason }))
}

describe('runImport: clients', () => {
  it('loads a Windows-1251 export with ; separators, comma decimals and dd.mm.yyyy dates', async () => {
    const text = 'ИД клиента;ФИО;Дата рождения;Телефон;Доход;Отделение\r\n' +
      'W1;Иванов Иван Иванович;01.02.1980;8 (912) 345-67-89;1 234,56;B01\r\n' +
      'W2;Петрова Анна;31.12.1975;+7 912 0000000;100000;Уральский\r\n'
    const outcome = await run('clients', 'export-1251.csv', iconv.encode(text, 'win1251'))
    expect(outcome).toMatchObject({ status: 'done', loaded: 2, rejected: 0 })
    expect(await client('W1')).toMatchObject({
      full_name: 'Иванов Иван Иванович', birth_date: '1980-02-01', phone: '79123456789', monthly_income: 1234.56, region_code: '77',
    })
    expect(await client('W2')).toMatchObject({ birth_date: '1975-12-31', region_code: '66', segment: 'mass', status: 'active' })
    const record = await db.kysely.selectFrom('imports').selectAll().where('id', '=', outcome.id).executeTakeFirstOrThrow()
    expect(record).toMatchObject({ encoding: 'windows-1251', delimiter: ';', status: 'done', rows_read: 2, loaded: 2 })
  })

  it('upserts by bank id: a blank cell keeps the stored value', async () => {
    await run('clients', 'first.csv', 'bank_id,full_name,phone,email,segment\nU1,Сидоров Пётр,+79120000001,p@example.ru,premium\n')
    const outcome = await run('clients', 'second.csv', 'bank_id,full_name,phone,email,segment\nU1,,+79120000002,,\n')
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 0 })
    expect(await client('U1')).toMatchObject({ full_name: 'Сидоров Пётр', phone: '79120000002', email: 'p@example.ru', segment: 'premium' })
  })

  it('rejects a second row with an id already seen in the file and keeps the first', async () => {
    const outcome = await run('clients', 'dupes.csv', 'bank_id,full_name\nD1,Первый\nD2,Другой\nD1,Второй\n')
    expect(outcome).toMatchObject({ loaded: 2, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([{ line: 4, reason: 'duplicate: bank_id "D1" already appears on line 2 of this file' }])
    expect((await client('D1'))?.full_name).toBe('Первый')
  })

  it('rejects a new client without a name, naming the column, but updates an existing one', async () => {
    const outcome = await run('clients', 'noname.csv', 'ИД клиента;ФИО;Телефон\nU1;;89120000003\nN1;;89120000004\n')
    expect(outcome).toMatchObject({ loaded: 1, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([{ line: 3, reason: 'column "ФИО" (full_name): required for a new client, the cell is blank' }])
    expect((await client('U1'))?.phone).toBe('79120000003')
    expect(await client('N1')).toBeUndefined()
  })

  it('reads a UTF-8 file with a byte-order mark and quoted fields holding line breaks, numbering lines by the file', async () => {
    const text = '\ufeffbank_id,full_name,address\r\nQ1,"Кузнецов, Олег","г. Москва,\r\nул. Ленина, д. 1"\r\nQ2,Орлова,"ООО ""Ромашка"""\r\nQ3,Орлов,x,extra\r\n'
    const outcome = await run('clients', 'bom.csv', text)
    expect(outcome).toMatchObject({ loaded: 2, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([{ line: 5, reason: 'the row has 4 cells, the header has 3' }])
    expect(await client('Q1')).toMatchObject({ full_name: 'Кузнецов, Олег', address: 'г. Москва,\r\nул. Ленина, д. 1' })
    expect((await client('Q2'))?.address).toBe('ООО "Ромашка"')
  })

  it('loads the first sheet of an XLSX workbook with Russian headers and real dates', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Клиенты')
    sheet.addRow(['ИД клиента', 'ФИО', 'Дата рождения', 'Доход', 'VIP'])
    sheet.addRow(['X1', 'Смирнова Ольга', new Date(Date.UTC(1985, 4, 17)), 150000.5, 'да'])
    sheet.addRow(['X2', 'Смирнов Олег', 'not a date', 1, 'нет'])
    const path = `${files.dir}/clients.xlsx`
    await workbook.xlsx.writeFile(path)
    const outcome = await runImport(db, { kind: 'clients', path, fileName: 'clients.xlsx', dryRun: false, user })
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([
      { line: 3, reason: 'column "Дата рождения" (birth_date) "not a date": expected a date dd.mm.yyyy or yyyy-mm-dd' },
    ])
    expect(await client('X1')).toMatchObject({ full_name: 'Смирнова Ольга', birth_date: '1985-05-17', monthly_income: 150000.5, vip: true })
  })

  it('rejects a row whose bytes are not valid in the encoding of the rest of the file', async () => {
    const blankLines = '\r\n'.repeat(200_000) // past the first read, so that UTF-8 is decided first
    // The UTF-8 rows outweigh the odd one (the encoding is judged on the sample as a whole).
    const content = Buffer.concat([Buffer.from(`bank_id;full_name\r\nM1;Ёлкин Пётр${blankLines}`), iconv.encode('M2;Ёлкина\r\n', 'win1251')])
    const outcome = await run('clients', 'mixed.csv', content)
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([
      { line: 200_002, reason: 'the row holds bytes that are not valid utf-8 (does the file mix encodings?)' },
    ])
  })

  it('validates a dry run without loading anything', async () => {
    const outcome = await run('clients', 'dry.csv', 'bank_id,full_name,birth_date\nY1,Новый,01.01.1990\nY2,Плохой,31.02.1990\n', { dryRun: true })
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(await rejections(outcome.id)).toEqual([
      { line: 3, reason: 'column "birth_date" "31.02.1990": expected a date dd.mm.yyyy or yyyy-mm-dd' },
    ])
    expect(await client('Y1')).toBeUndefined()
  })

  it('changes nothing when the apply fails midway for a reason that is not the row', async () => {
    await run('clients', 'before.csv', 'bank_id,full_name,phone\nF1,Фёдоров,89121111111\n')
    await sql`CREATE FUNCTION refuse_f3() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.bank_id = 'F3' THEN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'XX000'; END IF; RETURN NEW; END $$`.execute(db.kysely)
    await sql`CREATE TRIGGER refuse_f3 BEFORE INSERT ON clients FOR EACH ROW EXECUTE FUNCTION refuse_f3()`.execute(db.kysely)
    try {
      const outcome = await run('clients', 'fails.csv', 'bank_id,full_name,phone\nF1,,89122222222\nF2,Второй,\nF3,Третий,\n')
      expect(outcome).toMatchObject({ status: 'failed', loaded: 0, error: expect.stringContaining('injected failure') })
    } finally {
      await sql`DROP TRIGGER refuse_f3 ON clients; DROP FUNCTION refuse_f3()`.execute(db.kysely)
    }
    expect((await client('F1'))?.phone).toBe('79121111111')
    expect(await client('F2')).toBeUndefined()
    const stages = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'import_stage_%'`.execute(db.kysely)
    expect(stages.rows[0].n).toBe(0)
  })
})

describe('runImport: files the way a Russian bank exports them', () => {
  it('finds regions and branches as people write them, reads «Доход, руб.», and refuses dates after the import\'s day', async () => {
    const text = 'ИД клиента;ФИО;Дата рождения;Регион;Отделение;Доход, руб.\r\n' +
      'RU1;Иванов;01.02.1980;Новосибирская обл.;;1 234,56\r\n' +
      'RU2;Петров;02.03.1981;г. Москва;;50 000\r\n' +
      'RU3;Сидоров;03.04.1982;Респ. Татарстан;;\r\n' +
      'RU4;Орлов;04.05.1983;;ЦБУ «Уральский»;70000\r\n' +
      'RU5;Будущий;01.01.2099;ХМАО - Югра;;\r\n' +
      'RU6;Завтрашний;03.12.2026;;;\r\n' +
      'RU7;Сегодняшний;02.12.2026;Кемеровская обл. - Кузбасс;;\r\n'
    const outcome = await run('clients', 'russian-export.csv', iconv.encode(text, 'win1251'))
    expect(outcome).toMatchObject({ status: 'done', loaded: 5, rejected: 2 })
    expect(await rejections(outcome.id)).toEqual([
      { line: 6, reason: 'column "Дата рождения" (birth_date) "01.01.2099": a date in the future (after 2026-12-02)' },
      { line: 7, reason: 'column "Дата рождения" (birth_date) "03.12.2026": a date in the future (after 2026-12-02)' },
    ])
    expect(await client('RU1')).toMatchObject({ region_code: '54', monthly_income: 1234.56 })
    expect(await client('RU2')).toMatchObject({ region_code: '77', monthly_income: 50000 })
    expect(await client('RU3')).toMatchObject({ region_code: '16', monthly_income: null })
    expect(await client('RU4')).toMatchObject({ region_code: '66', monthly_income: 70000 })
    expect(await client('RU7')).toMatchObject({ region_code: '42', birth_date: '2026-12-02' })
  })
})

describe('runImport: the dry run tells what the real run does', () => {
  async function both(name: string, content: string | Buffer) {
    const dry = await run('clients', `dry-${name}`, content, { dryRun: true })
    const real = await run('clients', name, content)
    return { dry, real, dryRejections: await rejections(dry.id), realRejections: await rejections(real.id) }
  }

  it('rejects a new client from a file without a name column, with its line, and loads the known one', async () => {
    await run('clients', 'known.csv', 'bank_id,full_name\nK1,Известный\n')
    const { dry, real, dryRejections, realRejections } = await both('no-name-column.csv', 'bank_id;phone\nK1;89125550001\nK2;89125550002\n')
    expect(dry).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(real).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(realRejections).toEqual([{ line: 3, reason: 'full_name: required for a new client, the file has no such column' }])
    expect(dryRejections).toEqual(realRejections)
    expect((await client('K1'))?.phone).toBe('79125550001')
    expect(await client('K2')).toBeUndefined()
  })

  it('rejects a NUL byte in an e-mail cell far into the file and loads the other rows', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Z${i};Клиент ${i};z${i}@example.ru${i === 2500 ? '\u0000' : ''}\n`)
    const { dry, real, dryRejections, realRejections } = await both('nul.csv', `bank_id;full_name;email\n${rows.join('')}`)
    expect(dry).toMatchObject({ status: 'done', loaded: 2999, rejected: 1 })
    expect(real).toMatchObject({ status: 'done', loaded: 2999, rejected: 1 })
    expect(realRejections).toEqual([{ line: 2502, reason: 'column "email": contains a NUL character' }])
    expect(dryRejections).toEqual(realRejections)
    expect(await client('Z2999')).toMatchObject({ email: 'z2999@example.ru' })
  })

  it('rejects a row the database refuses at the apply, with its line and cells, and loads the rest', async () => {
    await sql`CREATE FUNCTION refuse_r3() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.bank_id IN ('R3', 'R6') THEN RAISE EXCEPTION 'the bank refuses %', NEW.bank_id; END IF; RETURN NEW; END $$`.execute(db.kysely)
    await sql`CREATE TRIGGER refuse_r3 BEFORE INSERT ON clients FOR EACH ROW EXECUTE FUNCTION refuse_r3()`.execute(db.kysely)
    try {
      const rows = Array.from({ length: 7 }, (_, i) => `R${i + 1},Клиент ${i + 1}\n`).join('')
      const { dry, real, dryRejections, realRejections } = await both('refused.csv', `bank_id,full_name\n${rows}`)
      expect(dry).toMatchObject({ status: 'done', loaded: 5, rejected: 2 })
      expect(real).toMatchObject({ status: 'done', loaded: 5, rejected: 2 })
      expect(realRejections).toEqual([
        { line: 4, reason: 'the database refused the row: the bank refuses R3' },
        { line: 7, reason: 'the database refused the row: the bank refuses R6' },
      ])
      expect(dryRejections).toEqual(realRejections)
      const cells = await listRejections(db.kysely, { importId: real.id, limit: 10 })
      expect(cells.map((r) => r.cells)).toEqual([['R3', 'Клиент 3'], ['R6', 'Клиент 6']])
      const record = await db.kysely.selectFrom('imports').selectAll().where('id', '=', real.id).executeTakeFirstOrThrow()
      expect(record).toMatchObject({ status: 'done', loaded: 5, rejected: 2 })
    } finally {
      await sql`DROP TRIGGER refuse_r3 ON clients; DROP FUNCTION refuse_r3()`.execute(db.kysely)
    }
    expect((await client('R7'))?.full_name).toBe('Клиент 7')
    expect(await client('R3')).toBeUndefined()
  })
})

describe('runImport: files that cannot be imported', () => {
  it.each([
    ['an empty file', 'empty.csv', '', 'the file is empty'],
    ['a file of blank lines', 'blank.csv', '\ufeff\r\n\r\n  \r\n', 'the file is empty'],
    ['a binary file', 'garbage.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)), 'the file is not text'],
    ['a file without the required columns', 'nocols.csv', 'name;phone\nx;y\n', 'missing required columns: bank_id'],
    ['an old .xls workbook', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old Excel .xls'],
    ['an unclosed quote', 'quote.csv', 'bank_id,full_name\nA1,"Unclosed\nA2,x\n', 'line 2: a quoted field is never closed'],
  ])('fails on %s with a clear reason and loads nothing', async (_, name, content, message) => {
    const outcome = await run('clients', name, content)
    expect(outcome.status).toBe('failed')
    expect(outcome.error).toContain(message)
    expect(outcome.loaded).toBe(0)
  })

  it('fails on a missing file', async () => {
    const outcome = await runImport(db, { kind: 'clients', path: `${files.dir}/nope.csv`, fileName: 'nope.csv', dryRun: false, user })
    expect(outcome).toMatchObject({ status: 'failed', error: 'cannot read the file: no such file' })
  })
})

describe('runImport: two imports at once with the same new ids', () => {
  const file = (from: number, to: number) =>
    `bank_id,full_name,phone\n${Array.from({ length: to - from + 1 }, (_, i) => `P${from + i},Клиент ${from + i},8912${String(from + i).padStart(7, '0')}\n`).join('')}`
  const countP = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM clients WHERE bank_id LIKE 'P%'`.execute(db.kysely)).rows[0].n)
  const record = (id: number) => db.kysely.selectFrom('imports').select(['status', 'loaded', 'rejected', 'apply_details']).where('id', '=', id).executeTakeFirstOrThrow()

  it('loads both: applies run one at a time, and the later one updates the clients the first created', async () => {
    // On the server, hold the apply lock until both imports have staged all their rows as new and
    // wait for it; on PGlite the two interleave on the one connection.
    const holder = db.kind === 'postgres' ? await db.pool.connect() : undefined
    await holder?.query("BEGIN; SELECT pg_advisory_xact_lock(hashtext('otklik.import.apply'))")
    const both = Promise.all([run('clients', 'first-half.csv', file(1, 300)), run('clients', 'second-half.csv', file(200, 500))])
    if (holder) {
      const waiting = async () => (await holder.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0].n
      for (let i = 0; i < 600 && (await waiting()) < 2; i++) await new Promise((r) => setTimeout(r, 100))
      await holder.query('COMMIT')
      holder.release()
    }
    const [first, second] = await both
    expect(first).toMatchObject({ status: 'done', loaded: 300, rejected: 0, error: null })
    expect(second).toMatchObject({ status: 'done', loaded: 301, rejected: 0, error: null })
    expect(await countP()).toBe(500)
    const details = [(await record(first.id)).apply_details, (await record(second.id)).apply_details]
    expect(details.every((d) => d?.serialised === true)).toBe(true)
    if (db.kind === 'postgres') expect(details.map((d) => d?.updatedInstead).sort()).toEqual([0, 101])
    expect(await client('P250')).toMatchObject({ full_name: 'Клиент 250', phone: '79120000250' })
  })
})

describe('runImport: the same person under several bank ids', () => {
  it('reports likely duplicates within the file and against stored clients, loads every row, and the dry run says the same', async () => {
    await run('clients', 'stored.csv', 'bank_id,full_name,birth_date,phone\nS1,Семёнова Юлия,01.02.1980,89120000001\n')
    const text = 'bank_id,full_name,birth_date,phone\n' +
      'S2,семенова  юлия,01.02.1980,+7 912 000-00-01\n' + // the stored S1
      'S3,Другая Юлия,01.02.1980,89120000001\n' + // another name: not the same person
      'S4,Семенова Юлия,1980-02-01,8 912 000 00 01\n' + // line 2 again
      'S5,Семенова Юлия,02.02.1980,89120000001\n' // born another day
    const dry = await run('clients', 'dupes-dry.csv', text, { dryRun: true })
    const real = await run('clients', 'dupes.csv', text)
    const expected = {
      count: 2,
      items: [{ line: 2, bankId: 'S2', sameAs: { bankId: 'S1' } }, { line: 4, bankId: 'S4', sameAs: { line: 2 } }],
    }
    for (const outcome of [dry, real]) expect(outcome).toMatchObject({ status: 'done', loaded: 4, rejected: 0, likelyDuplicates: expected })
    const record = await db.kysely.selectFrom('imports').select('likely_duplicates').where('id', '=', real.id).executeTakeFirstOrThrow()
    expect(record.likely_duplicates).toEqual(expected)
    expect(await client('S4')).toBeDefined()
  })
})
