import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { listRejections } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport, type RunImportInput } from './run-import.ts'

// A fresh database with no demo bank: the federal subjects are there (migration 0006); the bank
// loads the rest of its reference data through the same import pipeline, then its clients.
let db: Database
const files = makeTempDir()
const user = { id: null, login: 'test' }

beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

function run(kind: RunImportInput['kind'], name: string, content: string | Buffer, extra: Partial<RunImportInput> = {}) {
  return runImport(db, { kind, path: files.write(name, content), fileName: name, dryRun: false, user, today: '2026-12-02', ...extra })
}

async function rejections(id: number) {
  return (await listRejections(db.kysely, { importId: id, limit: 100 })).map((r) => ({ line: r.line, reason: r.reason }))
}

describe('runImport: reference data', () => {
  it('loads the subjects of 2022 from the file in docs, and changes a region by its code in any case', async () => {
    const subjects = await run('regions', 'regions-2022.csv', readFileSync(join(import.meta.dirname, '../../../docs/regions-2022.csv')))
    expect(subjects).toMatchObject({ status: 'done', loaded: 4, rejected: 0 })
    const offset = await run('regions', 'offsets.csv', 'code;utc_offset\n54;UTC+7\nXX;5\n')
    expect(offset).toMatchObject({ loaded: 1, rejected: 1 })
    expect(await rejections(offset.id)).toEqual([{ line: 3, reason: 'name: required for a new region, the file has no such column' }])
    const regions = await db.kysely.selectFrom('regions').select(['code', 'name', 'utc_offset']).where('code', 'in', ['54', '93']).orderBy('code').execute()
    expect(regions).toEqual([
      { code: '54', name: 'Новосибирская область', utc_offset: 7 },
      { code: '93', name: 'Донецкая Народная Республика', utc_offset: 3 },
    ])
  })

  it('loads branches with regions as written, then clients of those branches; a dry run says the same', async () => {
    const text = 'Код отделения;Наименование;Регион;Город\n' +
      'NSK-01;ЦБУ «Сибирский»;Новосибирская обл.;Новосибирск\n' +
      'KZN-01;Отделение «Казанское»;Респ. Татарстан;Казань\n' +
      'MSK-01;ЦБУ «Арбат»;;Москва\n' +
      'BAD-01;ЦБУ «Нигде»;Атлантида;\n'
    const dry = await run('branches', 'branches-dry.csv', text, { dryRun: true })
    const real = await run('branches', 'branches.csv', text)
    for (const outcome of [dry, real]) expect(outcome).toMatchObject({ status: 'done', loaded: 2, rejected: 2 })
    expect(await rejections(real.id)).toEqual([
      { line: 4, reason: 'column "Регион" (region): required for a new branch, the cell is blank' },
      { line: 5, reason: 'column "Регион" (region) "Атлантида": unknown region' },
    ])
    expect(await rejections(dry.id)).toEqual(await rejections(real.id))
    const again = await run('branches', 'branches-update.csv', 'code;city\nnsk-01;г. Новосибирск\n')
    expect(again).toMatchObject({ loaded: 1, rejected: 0 })
    expect(await db.kysely.selectFrom('branches').select(['code', 'name', 'region_code', 'city']).orderBy('code').execute()).toEqual([
      { code: 'KZN-01', name: 'Отделение «Казанское»', region_code: '16', city: 'Казань' },
      { code: 'NSK-01', name: 'ЦБУ «Сибирский»', region_code: '54', city: 'г. Новосибирск' },
    ])

    const clients = await run('clients', 'clients.csv', 'ИД клиента;ФИО;Отделение\nC1;Иванов;Сибирский\nC2;Петрова;kzn-01\n')
    expect(clients).toMatchObject({ loaded: 2, rejected: 0 })
    const rows = await db.kysely.selectFrom('clients').innerJoin('branches', 'branches.id', 'clients.branch_id')
      .select(['bank_id', 'clients.region_code', 'branches.code']).orderBy('bank_id').execute()
    expect(rows).toEqual([{ bank_id: 'C1', region_code: '54', code: 'NSK-01' }, { bank_id: 'C2', region_code: '16', code: 'KZN-01' }])
  })
})
