import { buffer, text } from 'node:stream/consumers'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { exportClients } from './export-clients.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// A client base loaded from a hostile file holds text a spreadsheet would run (CSV injection):
// both export formats write it as text that shows literally.
let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
  await db.kysely.insertInto('clients').values([
    { bank_id: '=1+1', full_name: '=HYPERLINK("http://evil.example","x")' },
    { bank_id: 'B2', full_name: '@SUM(A1:A9)' },
    { bank_id: 'B3', full_name: "-2+3" },
  ]).execute()
})
afterAll(async () => {
  await db.close()
})

const viewer = { id: 1, login: 'head', fullName: 'Test head', role: 'head' as const, branchId: null }
const now = new Date('2026-03-02T09:00:00Z')

describe('client exports escape formulas', () => {
  it('in CSV', async () => {
    const file = await exportClients(db.kysely, { viewer, search: {}, format: 'csv', lang: 'en', now })
    const body = await text(file.body)
    expect(body).toContain(`'=1+1,"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(body).toContain("B2,'@SUM(A1:A9)")
    expect(body).toContain("B3,'-2+3")
    expect(body).not.toMatch(/(^|[,\n])[=+@-]/)
  })

  it('in XLSX', async () => {
    const file = await exportClients(db.kysely, { viewer, search: {}, format: 'xlsx', lang: 'en', now })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buffer(file.body)) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const cells: unknown[] = []
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)))
    expect(cells).toEqual(expect.arrayContaining(["'=1+1", `'=HYPERLINK("http://evil.example","x")`, "'@SUM(A1:A9)", "'-2+3"]))
    expect(cells.filter((value) => typeof value === 'object' && value !== null && 'formula' in value)).toEqual([])
  })
})
