import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentConsents } from '../../core/current-consents.ts'
import type { Database } from '../../db/open-database.ts'
import { listRejections } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport, type RunImportInput } from './run-import.ts'

// Holdings, activity and consents refer to clients by the bank's id.
let db: Database
const files = makeTempDir()

beforeAll(async () => {
  db = await openTestDatabase()
  await db.kysely.insertInto('products').values([
    { code: 'DC_SALARY', type: 'debit_card', name: 'Зарплатная карта' },
    { code: 'TD_12M', type: 'term_deposit', name: 'Вклад 12 месяцев' },
  ]).execute()
  await db.kysely.insertInto('clients').values([{ bank_id: 'C1', full_name: 'Иванов' }, { bank_id: 'C2', full_name: 'Петров' }]).execute()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

function run(kind: RunImportInput['kind'], name: string, content: string) {
  return runImport(db, { kind, path: files.write(name, content), fileName: name, dryRun: false, user: { id: null, login: 'test' } })
}
async function reasons(id: number) {
  return (await listRejections(db.kysely, { importId: id, limit: 100 })).map((r) => `${r.line}: ${r.reason}`)
}
async function clientId(bankId: string) {
  return (await db.kysely.selectFrom('clients').select('id').where('bank_id', '=', bankId).executeTakeFirstOrThrow()).id
}

describe('runImport: holdings', () => {
  it('upserts by client and account number, refusing unknown clients and product codes', async () => {
    const first = await run('holdings', 'h1.csv',
      'ИД клиента;Номер счета;Продукт;Дата открытия;Остаток\n' +
      'C1;40817-1;dc_salary;01.03.2020;1 000,50\n' +
      'C9;40817-9;DC_SALARY;01.03.2020;0\n' +
      'C2;42305-2;GOLD_BAR;01.03.2020;0\n' +
      'C2;42305-3;;01.03.2020;0\n')
    expect(first).toMatchObject({ status: 'done', loaded: 1, rejected: 3 })
    expect(await reasons(first.id)).toEqual([
      '3: column "ИД клиента" (bank_id) "C9": unknown client (import the clients first)',
      '4: column "Продукт" (product) "GOLD_BAR": unknown product code',
      '5: column "Продукт" (product): required for a new holding, the cell is blank',
    ])
    const second = await run('holdings', 'h2.csv', 'bank_id,account_no,product,opened_at,closed_at,balance\nC1,40817-1,,,2024-01-31,\n')
    expect(second).toMatchObject({ loaded: 1, rejected: 0 })
    const holding = await db.kysely.selectFrom('holdings').selectAll().where('client_id', '=', await clientId('C1')).executeTakeFirstOrThrow()
    expect(holding).toMatchObject({ account_no: '40817-1', product_code: 'DC_SALARY', opened_at: '2020-03-01', closed_at: '2024-01-31', balance: 1000.5 })
  })
})

describe('runImport: activity', () => {
  it('upserts monthly aggregates by client and month, with defaults for a new month', async () => {
    const first = await run('activity', 'a1.csv', 'bank_id;month;turnover;transactions\nC1;03.2024;15 000,00;12\nC1;31.03.2024;1;1\nC2;2024-04;;\n')
    expect(first).toMatchObject({ loaded: 2, rejected: 1 })
    expect(await reasons(first.id)).toEqual(['3: duplicate: bank_id "C1", month "2024-03-01" already appears on line 2 of this file'])
    await run('activity', 'a2.csv', 'bank_id;month;transactions\nC1;2024-03;20\n')
    const rows = await db.kysely.selectFrom('activity').selectAll().orderBy('client_id').execute()
    expect(rows.map((r) => [r.month, r.turnover, r.transactions, r.card_spend])).toEqual([
      ['2024-03-01', 15000, 20, 0],
      ['2024-04-01', 0, 0, 0],
    ])
  })
})

describe('runImport: consents', () => {
  it('appends consents to their history: an older export never overrides a newer opt-out, and repeats are skipped', async () => {
    const newer = await run('consents', 'c-new.csv', 'bank_id;channel;granted;effective_at;source\nC1;SMS;отказ;01.05.2024 12:00;звонок в банк\nC1;email;да;01.05.2024;\n')
    expect(newer).toMatchObject({ loaded: 2, rejected: 0 })
    const older = await run('consents', 'c-old.csv', 'bank_id;channel;granted;effective_at\nC1;sms;согласие;15.01.2024\nC1;sms;да;15.01.2024\n')
    expect(older).toMatchObject({ loaded: 1, rejected: 1 })
    const again = await run('consents', 'c-new-again.csv', 'bank_id;channel;granted;effective_at;source\nC1;SMS;отказ;01.05.2024 12:00;звонок в банк\n')
    expect(again).toMatchObject({ loaded: 1, rejected: 0 })

    const history = await db.kysely.selectFrom('consents').selectAll().where('client_id', '=', await clientId('C1')).execute()
    expect(history).toHaveLength(3)
    const current = currentConsents(history.map((h) => ({ ...h, effectiveAt: new Date(h.effective_at).toISOString() })))
    expect(current.map((c) => [c.channel, c.granted, c.effectiveAt, c.source])).toEqual([
      ['email', true, '2024-05-01T00:00:00.000Z', `import #${newer.id}`],
      ['sms', false, '2024-05-01T12:00:00.000Z', 'звонок в банк'],
    ])
  })
})
