import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import type { Database } from '../../db/open-database.ts'
import { listRejections } from '../../db/stores/import-store.ts'
import { runImport } from './run-import.ts'

// Rows the reader of a file rejects by line rather than load a guess.
// Issue 6 F: one stray byte in a UTF-8 file made the whole file Windows-1251 — 1,000 of 1,000
// names stored garbled, 0 rejections, good names overwritten. The encoding is judged on the whole
// sample; the rows whose bytes do not decode are rejected by line; stored names stay clean.

let db: Database
const files = makeTempDir()

beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

const HEADER = 'ИД клиента;ФИО\r\n'
const rows = (prefix: string, surname: string) => Array.from({ length: 1000 }, (_, i) => `${prefix}${i};${surname} Пётр ${i}\r\n`).join('')

async function run(name: string, content: Buffer) {
  const path = files.write(name, content)
  const outcome = await runImport(db, { kind: 'clients', path, fileName: name, dryRun: false, user: { id: null, login: 'test' } })
  const record = await db.kysely.selectFrom('imports').select(['encoding']).where('id', '=', outcome.id).executeTakeFirstOrThrow()
  const rejected = (await listRejections(db.kysely, { importId: outcome.id, limit: 10 })).map((r) => ({ line: r.line, reason: r.reason }))
  return { ...outcome, encoding: record.encoding, rejections: rejected }
}

async function names(prefix: string): Promise<string[]> {
  const found = await db.kysely.selectFrom('clients').select(['full_name']).where('bank_id', 'like', `${prefix}%`).orderBy('id').execute()
  return found.map((c) => c.full_name)
}

describe('the encoding of an import', () => {
  it('keeps a UTF-8 file with one stray byte UTF-8, rejects that row and never garbles a stored name', async () => {
    expect(await run('good.csv', Buffer.from(HEADER + rows('S', 'Иванов')))).toMatchObject({ status: 'done', loaded: 1000, rejected: 0 })
    const text = Buffer.from(HEADER + rows('S', 'Смирнов'))
    const at = text.indexOf('Смирнов Пётр 7\r')
    const stray = Buffer.concat([text.subarray(0, at), Buffer.from([0xcf]), text.subarray(at)]) // line 9, the 1,000 others clean

    const outcome = await run('stray.csv', stray)
    expect(outcome).toMatchObject({ status: 'done', encoding: 'utf-8', loaded: 999, rejected: 1 })
    expect(outcome.rejections).toEqual([{ line: 9, reason: 'the row holds bytes that are not valid utf-8 (does the file mix encodings?)' }])
    const stored = await names('S')
    expect(stored[7]).toBe('Иванов Пётр 7') // the stored name is kept, not overwritten with garbled text
    expect(stored.filter((n) => n.startsWith('Смирнов Пётр '))).toHaveLength(999)
  })

  it('reads a real Windows-1251 export as Windows-1251, and rejects a UTF-8 row in it', async () => {
    const outcome = await run('cp1251.csv', iconv.encode(HEADER + rows('W', 'Фёдоров'), 'win1251'))
    expect(outcome).toMatchObject({ status: 'done', encoding: 'windows-1251', loaded: 1000, rejected: 0 })
    expect((await names('W'))[999]).toBe('Фёдоров Пётр 999')

    const mixed = Buffer.concat([iconv.encode(HEADER + rows('W', 'Сергеев').slice(0, -2), 'win1251'), Buffer.from('\r\nW5;Подменённый\r\n')])
    const again = await run('cp1251-mixed.csv', mixed)
    expect(again).toMatchObject({ status: 'done', encoding: 'windows-1251', loaded: 1000, rejected: 1 })
    expect(again.rejections).toEqual([{ line: 1002, reason: 'the row holds UTF-8 text in a file read as windows-1251 (does the file mix encodings?)' }])
    expect((await names('W'))[5]).toBe('Сергеев Пётр 5')
  })

  it('takes the byte-order mark as the word: UTF-8, with the stray row rejected', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + 'B1;Борисов\r\n'), Buffer.from([0x42, 0x32, 0x3b, 0xff]), Buffer.from('Борисова\r\n')])
    const outcome = await run('bom.csv', bom)
    expect(outcome).toMatchObject({ status: 'done', encoding: 'utf-8', loaded: 1, rejected: 1 })
    expect(outcome.rejections).toEqual([{ line: 3, reason: 'the row holds bytes that are not valid utf-8 (does the file mix encodings?)' }])
    expect(await names('B')).toEqual(['Борисов'])
  })

  it('rejects a row with text after a closing quote (issue 6 item 5), and loads the rest', async () => {
    const outcome = await run('quotes.csv', Buffer.from('bank_id;full_name;monthly_income\r\nQ1;"Кузнецов";"12"34\r\nQ2;"Кузнецова ""Аня""";1234\r\n'))
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 1 })
    expect(outcome.rejections).toEqual([
      { line: 2, reason: 'text after the closing quote of cell 3: put the whole cell in quotes and double the quotes inside it ("12""34")' },
    ])
    expect(await names('Q')).toEqual(['Кузнецова "Аня"'])
  })
})
