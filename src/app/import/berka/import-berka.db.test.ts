import { dataSet } from '../../../../test/data-sets.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../db/open-database.ts'
import { openTestDatabase } from '../../../../test/open-test-database.ts'
import { makeTempDir } from '../../../../test/temp-files.ts'
import { importBerka } from './import-berka.ts'

const BERKA_DIR = dataSet('berka-pkdd99')
const user = { id: null, login: 'test' }

/** Row counts per file from the data set's PROVENANCE.md table: | client.asc | bytes | sha256 | 5,369 | … */
function provenanceRows(): Record<string, number> {
  const text = readFileSync(join(BERKA_DIR, 'PROVENANCE.md'), 'utf8')
  const rows: Record<string, number> = {}
  for (const match of text.matchAll(/^\| \**([a-z_A-Z0-9]+\.asc)\** \| [\d,]+ \| `[0-9a-f]+` \| ([\d,]+) \|/gm)) {
    rows[match[1]] = Number(match[2].replaceAll(',', ''))
  }
  return rows
}

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

async function counts() {
  const count = async (table: 'clients' | 'branches' | 'regions' | 'holdings') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const byProduct = await db.kysely.selectFrom('holdings').select(['product_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('product_code').orderBy('product_code').execute()
  return {
    clients: await count('clients'),
    branches: await count('branches'),
    regions: await count('regions'),
    holdings: await count('holdings'),
    byProduct: Object.fromEntries(byProduct.map((r) => [r.product_code, Number(r.n)])),
  }
}

describe('importBerka', () => {
  it('loads every row of the PKDD\'99 tables, matching the counts in PROVENANCE.md, and a rerun changes no counts', async () => {
    const provenance = provenanceRows()
    expect(provenance).toMatchObject({ 'client.asc': 5369, 'account.asc': 4500, 'card.asc': 892, 'loan.asc': 682, 'district.asc': 77, 'disp.asc': 5369 })

    const first = await importBerka(db, { dir: BERKA_DIR, user })
    expect(first).toMatchObject({ status: 'done', rejected: 0 })
    for (const file of ['district.asc', 'client.asc', 'account.asc', 'disp.asc', 'card.asc', 'loan.asc']) {
      expect(first.files[file], file).toEqual({ loaded: provenance[file], rejected: 0 })
    }
    const cards = await db.kysely.selectFrom('holdings').select('product_code').where('account_no', 'like', 'K%').execute()
    const afterFirst = await counts()
    expect(afterFirst).toEqual({
      clients: provenance['client.asc'],
      branches: provenance['district.asc'],
      regions: 85 + 8, // the federal subjects of Russia (migration 0006) and the data set's Czech regions
      holdings: provenance['account.asc'] + provenance['card.asc'] + provenance['loan.asc'],
      byProduct: { BERKA_CARD_CLASSIC: 659, BERKA_CARD_GOLD: 88, BERKA_CARD_JUNIOR: 145, BERKA_CURRENT: 4500, BERKA_LOAN: 682 },
    })
    expect(cards).toHaveLength(provenance['card.asc'])

    const client1 = await db.kysely.selectFrom('clients').innerJoin('branches', 'branches.id', 'clients.branch_id')
      .select(['bank_id', 'full_name', 'birth_date', 'gender', 'clients.region_code', 'branches.code', 'branches.name', 'client_since'])
      .where('bank_id', '=', 'B1').executeTakeFirstOrThrow()
    // client.asc: 1;"706213";18 — district 18 is Pisek in south Bohemia; disp 1 gives account 1 opened 950324.
    expect(client1).toEqual({ bank_id: 'B1', full_name: 'Berka client 1', birth_date: '1970-12-13', gender: 'F', region_code: 'CZ-SOUTH-BOHEMIA',
      code: 'CZ-D18', name: 'Pisek', client_since: '1995-03-24' })

    const second = await importBerka(db, { dir: BERKA_DIR, user })
    expect(second).toMatchObject({ status: 'done', loaded: first.loaded, rejected: 0 })
    expect(await counts()).toEqual(afterFirst)
  })

  it('rejects rows with their file, line and reason, and rows that refer to them', async () => {
    const dir = makeTempDir()
    try {
      dir.write('district.asc', 'A1;A2;A3\r\n1;"Hl.m. Praha";"Prague"\r\n')
      dir.write('client.asc', '"client_id";"birth_number";"district_id"\r\n900001;"706213";1\r\n900002;"701332";1\r\n900003;"450204";99\r\n900001;"450204";1\r\n')
      dir.write('account.asc', '"account_id";"district_id";"frequency";"date"\r\n900001;1;"POPLATEK MESICNE";930101\r\n900002;1;"POPLATEK MESICNE";930101\r\n')
      dir.write('disp.asc', '"disp_id";"client_id";"account_id";"type"\r\n900001;900001;900001;"OWNER"\r\n900002;900002;900002;"OWNER"\r\n')
      dir.write('card.asc', '"card_id";"disp_id";"type";"issued"\r\n900001;900001;"gold";931107 00:00:00\r\n900002;900002;"classic";931107 00:00:00\r\n')
      dir.write('loan.asc', '"loan_id";"account_id";"date";"amount";"duration";"payments";"status"\r\n900001;900002;930705;96396;12;8033.00;"B"\r\n')
      const result = await importBerka(db, { dir: dir.dir, user })
      expect(result).toMatchObject({ status: 'done', loaded: 5, rejected: 7 })
      expect(result.files).toEqual({
        'district.asc': { loaded: 1, rejected: 0 },
        'client.asc': { loaded: 1, rejected: 3 },
        'account.asc': { loaded: 1, rejected: 1 },
        'disp.asc': { loaded: 1, rejected: 1 },
        'card.asc': { loaded: 1, rejected: 1 },
        'loan.asc': { loaded: 0, rejected: 1 },
      })
      const rejections = await db.kysely.selectFrom('import_rejections').select(['file', 'line', 'reason']).where('import_id', '=', result.id).orderBy('id').execute()
      expect(rejections).toEqual([
        { file: 'client.asc', line: 3, reason: 'column "birth_number" "701332": not a valid birth number (YYMMDD, with 50 added to the month for women)' },
        { file: 'client.asc', line: 5, reason: 'duplicate: client_id 900001 already appears on line 2' },
        { file: 'client.asc', line: 4, reason: 'column "district_id" "99": unknown district (not in district.asc)' },
        { file: 'disp.asc', line: 3, reason: 'column "client_id" "900002": no such client in client.asc (or it was rejected)' },
        { file: 'account.asc', line: 3, reason: 'account 900002 has no OWNER disposition in disp.asc (or its owner was rejected)' },
        { file: 'card.asc', line: 3, reason: 'column "disp_id" "900002": no such disposition in disp.asc (or it was rejected)' },
        { file: 'loan.asc', line: 2, reason: 'column "account_id" "900002": no such account in account.asc (or it was rejected)' },
      ])
    } finally {
      dir.remove()
    }
  })

  it('fails naming the missing files, and changes nothing', async () => {
    const dir = makeTempDir()
    try {
      dir.write('client.asc', 'client_id;birth_number;district_id\n')
      const before = await counts()
      const result = await importBerka(db, { dir: dir.dir, user })
      expect(result.status).toBe('failed')
      expect(result.error).toContain('missing Berka files: district.asc, account.asc, disp.asc, card.asc, loan.asc')
      expect(await counts()).toEqual(before)
    } finally {
      dir.remove()
    }
  })
})
