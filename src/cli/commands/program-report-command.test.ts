import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { createProgram } from '../../app/program/create-program.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `otklik program report C --format xlsx|pdf --lang ru|en --out FILE` on the embedded bank.
const files = makeTempDir('otklik-report-cli-')
afterAll(() => files.remove())

const otklik = (args: string[]) => runOtklikInProcess({ env: { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }, args })
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!)

async function seedBank() {
  const db = await openDatabase({ dataDir: join(files.dir, 'bank', 'pglite') })
  try {
    await migrate(db)
    await db.kysely
      .insertInto('products')
      .values({ code: 'CL_CASH', type: 'consumer_loan', name: 'Кредит наличными', ftp_rate: 0.17, client_rate: 0.26, probability_of_default: 0.06, loss_given_default: 0.55, lifetime_months: 36 })
      .execute()
    const businessCase = { ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED, channelCosts: BUSINESS_CASE_WORKED_EXAMPLE_TYPED.channelCosts.map((c) => ({ ...c })) }
    await createProgram(db.kysely, { body: { code: 'REP', name: 'Кредит', goal: 'cross_sell', targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, businessCase }, actor: { id: null, login: 'test', role: null } })
  } finally {
    await db.close()
  }
}

describe('otklik program report', () => {
  it('writes the XLSX and the PDF in the language asked, and refuses a format it does not know', async () => {
    await seedBank()
    const xlsx = join(files.dir, 'rep.xlsx')
    const result = await otklik(['program', 'report', 'REP', '--format', 'xlsx', '--lang', 'ru', '--out', xlsx, '--json'])
    expect(result.status, result.stderr).toBe(0)
    expect(lastJson(result.stdout)).toMatchObject({ program: 'REP', format: 'xlsx', lang: 'ru', out: xlsx })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Бизнес-кейс', 'Факт', 'Вердикт', 'Решения'])
    // No pilot wave yet: the verdict sheet says why, in Russian.
    expect(book.getWorksheet('Вердикт')!.getCell('A2').value).toBe('У программы REP нет пилотной волны для вердикта.')

    const pdf = join(files.dir, 'rep.pdf')
    expect((await otklik(['program', 'report', 'REP', '--format', 'pdf', '--lang', 'en', '--out', pdf])).status).toBe(0)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    expect((await otklik(['program', 'report', 'REP', '--format', 'docx', '--out', pdf])).status).toBe(2)
    expect((await otklik(['program', 'report', 'NOPE', '--format', 'pdf', '--out', pdf, '--json'])).status).toBe(1)
  }, 400_000)
})
