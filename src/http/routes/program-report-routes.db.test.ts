import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { readPdfText } from '../../../test/read-pdf-text.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedPilotWave } from '../../../test/seed-pilot-wave.ts'

// GET /api/programs/:code/report over the verdict test's pilot (program-verdict-routes.db.test.ts):
// the worked example's case (NPV 1 539 437,50 ₽, compute-business-case.check.txt), a pilot of 900
// in target and 100 in control with 45 and 3 applications, contacts for the target, and the
// decisions that took it to evaluated. The workbook's formulas are evaluated by
// evaluate-xlsx-formulas.check.py (openpyxl) independently of Excel and of Otklik.
const NOW = new Date('2026-04-15T12:00:00Z')
const BUILT = '2026-03-01T09:00:00Z'
const SHOTS = '/tmp/shots/report'
const EVALUATOR = join(import.meta.dirname, '../../app/program-report/evaluate-xlsx-formulas.check.py')
let db: Database
let app: App
const cookies = new Map<Role, string>()

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db, () => NOW)
  await db.kysely
    .insertInto('products')
    .values({ code: 'CL_CASH', type: 'consumer_loan', name: 'Кредит наличными', ftp_rate: 0.17, client_rate: 0.26, probability_of_default: 0.06, loss_given_default: 0.55, lifetime_months: 36 })
    .execute()
  for (const role of ['head', 'program_economist', 'analyst', 'marketer', 'manager', 'operator'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  const plan = { targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, pilotSize: 1000, plannedStart: '2026-03-01', plannedEnd: '2026-06-30', businessCase: BUSINESS_CASE_WORKED_EXAMPLE_TYPED }
  const created = await send('program_economist', '/api/programs', 'POST', { code: 'REP', name: 'Кредит наличными: допродажа', goal: 'cross_sell', offer: '=HYPERLINK("x")', ...plan })
  expect(created.statusCode, created.body).toBe(201)
  const wave = await seedPilotWave(db, { code: 'REP', first: 1, target: 900, control: 100, controlShare: 0.1, builtAt: BUILT, createClients: 1000 })
  await wave.respond('application', range(1, 45), '2026-03-10T10:00:00Z')
  await wave.respond('application', range(901, 3), '2026-03-20T10:00:00Z')
  await wave.respond('visit', range(1, 120), '2026-03-05T10:00:00Z')
  await wave.respond('visit', range(901, 10), '2026-03-05T10:00:00Z')
  const program = await db.kysely.selectFrom('programs').select('id').where('code', '=', 'REP').executeTakeFirstOrThrow()
  await db.kysely
    .insertInto('contacts')
    .columns(['client_id', 'program_id', 'wave_id', 'channel', 'sent_at', 'idempotency_key'])
    .expression((eb) =>
      eb.selectFrom('wave_members').select((s) => ['client_id', s.val(program.id).as('program_id'), 'wave_id', s.val('sms').as('channel'), s.val(BUILT).as('sent_at'), s.val(null).as('idempotency_key')]).where('wave_id', '=', wave.waveId).where('group', '=', 'target'),
    )
    .execute()
  // Two leads from the pilot's calls: one a manager closed with a sale of 150 000,50 ₽, one lost.
  await sql`
    INSERT INTO leads (client_id, program_id, wave_id, source, outcome, event_ref, event_at, status, sale_product_code, sale_amount, sale_date, lost_reason)
    SELECT m.client_id, ${program.id}, m.wave_id, 'call', 'interested', 'call:' || m.client_id, ${BUILT}::timestamptz,
      CASE WHEN n = 1 THEN 'won' ELSE 'lost' END, CASE WHEN n = 1 THEN 'CL_CASH' END, CASE WHEN n = 1 THEN 150000.50 END, CASE WHEN n = 1 THEN DATE '2026-03-12' END, CASE WHEN n = 2 THEN 'передумал' END
    FROM (SELECT client_id, wave_id, row_number() OVER (ORDER BY client_id) AS n FROM wave_members WHERE wave_id = ${wave.waveId} AND "group" = 'target') m WHERE n <= 2`.execute(db.kysely)
  for (const [who, to, comment] of [['program_economist', 'proposed', 'Прошу утвердить'], ['head', 'approved', 'Одобрено, пилот на 1 000'], ['program_economist', 'pilot', 'Пилот запущен'], ['program_economist', 'evaluated', 'Окно закрыто']] as const) {
    const moved = await send(who, '/api/programs/REP/transition', 'POST', { to, comment })
    expect(moved.statusCode, moved.body).toBe(200)
  }
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await app.close()
  await db.close()
})

function send(who: Role, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) {
  return app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
}
const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i)

async function download(who: Role, format: 'xlsx' | 'pdf', lang: 'ru' | 'en') {
  const response = await send(who, `/api/programs/REP/report?format=${format}&lang=${lang}`)
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200)
  return response
}

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(body as unknown as ArrayBuffer)
  return book
}

/** Every formula cell of a sheet: its address, formula and cached result. */
function formulasOf(sheet: ExcelJS.Worksheet) {
  const cells: { address: string; formula: string; result: unknown; label: string }[] = []
  sheet.eachRow((row) => row.eachCell((cell) => {
    const value = cell.value as { formula?: string; result?: unknown } | null
    if (value && typeof value === 'object' && 'formula' in value && value.formula) cells.push({ address: cell.address, formula: value.formula, result: value.result, label: String(row.getCell(1).value) })
  }))
  return cells
}

describe('GET /api/programs/:code/report?format=xlsx', () => {
  it('holds the case as live formulas whose cached results are the case’s kopeck-exact numbers', async () => {
    const response = await download('head', 'xlsx', 'ru')
    expect(response.headers['content-type']).toContain('spreadsheetml')
    expect(response.headers['content-disposition']).toBe('attachment; filename="program-REP-report-2026-04-15.xlsx"')
    const body = response.rawPayload
    writeFileSync(join(SHOTS, 'report-ru.xlsx'), body)
    const book = await workbook(body)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Бизнес-кейс', 'Факт', 'Вердикт', 'Решения'])
    const caseBody = (await send('head', '/api/programs/REP/case')).json()
    const sheet = book.getWorksheet('Бизнес-кейс')!
    const cells = formulasOf(sheet)
    const byLabel = (label: string) => cells.find((c) => c.label === label)!
    expect(byLabel('Инкрементальный NPV').result).toBe(1_539_437.5)
    expect(caseBody.npv).toBe(1_539_437.5)
    expect(byLabel('Затраты всего')).toMatchObject({ formula: expect.stringMatching(/^\$B\$\d+\+\$B\$\d+$/), result: caseBody.totalCost })
    expect(byLabel('Прибыль (без дисконтирования)').result).toBe(caseBody.profit)
    expect(byLabel('Затраты на контакты').formula).toMatch(/^SUM\(D\d+:D\d+\)$/)
    // The cash flows: year k discounted as flow / (1 + r)^k rounded to the kopeck, NPV their SUM.
    const total = byLabel('Итого')
    const discounted = cells.filter((c) => c.address.startsWith('E') && c.address !== total.address && /^\d+$/.test(c.label))
    expect(discounted.map((c) => c.result)).toEqual(caseBody.cashFlows.map((f: { discounted: number }) => f.discounted))
    const npvSum = cells.find((c) => c.address.startsWith('E') && c.label === 'Итого')!
    expect(npvSum.formula).toMatch(/^SUM\(E\d+:E\d+\)$/)
    expect(npvSum.result).toBe(caseBody.npv)
    expect(sheet.getCell(npvSum.address).numFmt).toContain('₽')
    // Plan against actual: the differences are formulas.
    expect(cells.filter((c) => /^C\d+-B\d+$/.test(c.formula)).length).toBeGreaterThanOrEqual(10)
    // The offer, typed as a formula by a user, stays text.
    const summary = book.getWorksheet('Сводка')!
    const offer = summary.getColumn(2).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'))
    expect(offer).toBe('\'=HYPERLINK("x")')
    // The waves' totals are SUMs of target, control and contacts.
    const actuals = formulasOf(book.getWorksheet('Факт')!)
    expect(actuals.filter((c) => c.formula.startsWith('SUM(')).map((c) => c.result)).toEqual([900, 100, 900])
    // The sales that closed the program's leads, beside the responses.
    const facts = book.getWorksheet('Факт')!.getColumn(1).values
    const salesRow = facts.indexOf('Продажи по лидам')
    expect([1, 2, 3].map((i) => [facts[salesRow + i], book.getWorksheet('Факт')!.getCell(`C${salesRow + i}`).value])).toEqual([['Лидов', 2], ['Закрыто продажей', 1], ['Сумма продаж', 150000.5]])
  })

  it.skipIf(!hasOpenpyxl())('gives, evaluated formula by formula outside Excel, the results it caches', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const file = join(mkdtempSync(join(tmpdir(), 'report-')), `report-${lang}.xlsx`)
      writeFileSync(file, (await download('head', 'xlsx', lang)).rawPayload)
      const result = JSON.parse(execFileSync('/usr/bin/python3', [EVALUATOR, file], { encoding: 'utf8' }).trim().split('\n').pop()!)
      expect(result.mismatches).toEqual([])
      expect(result.formulas).toBeGreaterThan(40)
    }
  })

  it('heads every sheet in English when asked', async () => {
    const book = await workbook((await download('program_economist', 'xlsx', 'en')).rawPayload)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Business case', 'Actuals', 'Verdict', 'Decisions'])
    const decisions = book.getWorksheet('Decisions')!
    expect(decisions.getRow(2).values).toEqual([undefined, 'When (UTC)', 'Author', 'Move', 'Comment'])
    expect(decisions.getRow(4).getCell(3).value).toBe('Proposed → Approved')
    expect(decisions.getRow(4).getCell(4).value).toBe('Одобрено, пилот на 1 000')
  })
})

describe('GET /api/programs/:code/report?format=pdf', () => {
  it.each(['ru', 'en'] as const)('writes the case, the charts, the verdict and the decisions in %s, Cyrillic included', async (lang) => {
    const response = await download('head', 'pdf', lang)
    expect(response.headers['content-type']).toBe('application/pdf')
    const body = response.rawPayload
    writeFileSync(join(SHOTS, `report-${lang}.pdf`), body)
    const { pages, text } = await readPdfText(body)
    expect(pages).toBeGreaterThanOrEqual(3)
    const words = lang === 'ru'
      ? ['Отчёт по программе: Кредит наличными: допродажа', 'Инкрементальный NPV', '1 539 437,50 ₽', 'Что двигает NPV', 'Аплифт по типам откликов с интервалом 95%', 'Одобрено, пилот на 1 000', 'На утверждении → Утверждена', 'Заявка', 'Продажи по лидам', 'Лидов: 2 · Закрыто продажей: 1 · Сумма продаж: 150 000,50 ₽']
      : ['Program report: Кредит наличными: допродажа', 'Incremental NPV', '₽1,539,437.50', 'What moves the NPV', 'Uplift per response type with its 95% interval', 'Одобрено, пилот на 1 000', 'Proposed → Approved', 'Application', 'Leads: 2 · Closed with a sale: 1 · Value of the sales: ₽150,000.50']
    for (const word of words) expect(text).toContain(word)
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', join(SHOTS, `report-${lang}.pdf`), join(SHOTS, `report-${lang}`)])
      expect(existsSync(join(SHOTS, `report-${lang}-1.png`))).toBe(true)
    }
  })
})

describe('who may download it', () => {
  it('refuses the marketer and the operator (no money), 400 naming format, 404 for an unknown program', async () => {
    for (const role of ['marketer', 'operator'] as const) expect((await send(role, '/api/programs/REP/report?format=pdf')).statusCode).toBe(403)
    const bad = await send('head', '/api/programs/REP/report?format=docx')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().details).toMatchObject({ code: 'request.invalid', field: 'format' })
    expect((await send('head', '/api/programs/REP/report')).json().details).toMatchObject({ field: 'format' })
    expect((await send('head', '/api/programs/NOPE/report?format=xlsx')).statusCode).toBe(404)
  })

  it('gives the manager the case without the verdict, and records each download as an export', async () => {
    const book = await workbook((await download('manager', 'xlsx', 'ru')).rawPayload)
    expect(book.getWorksheet('Вердикт')!.getCell('A2').value).toBe('Вердикт доступен руководителю, экономистам программ и аналитику.')
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.report_export').where('login', '=', 'manager').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ entity: 'program', entity_id: 'REP' })
    expect(event.details).toMatchObject({ format: 'xlsx', lang: 'ru', case: true, verdict: false, decisions: 4 })
  })
})

describe('the rollout plan', () => {
  it('joins the report once one is saved: its waves with SUM totals, the case planned against full reach', async () => {
    const plan = { operators: 2, callsPerHour: 10, hoursPerDay: 6, reachRate: 0.5, start: '2026-04-20', end: '2026-04-22', maxWaveSize: 1_000, channelBudgets: [] }
    const saved = await app.inject({ method: 'PUT', url: '/api/programs/REP/rollout-plan', headers: { cookie: cookies.get('program_economist')! }, payload: plan })
    expect(saved.statusCode, saved.body).toBe(200)
    const read = saved.json().saved
    const body = (await download('head', 'xlsx', 'ru')).rawPayload
    const book = await workbook(body)
    expect(book.worksheets.map((s) => s.name).at(-1)).toBe('План раскатки')
    const cells = formulasOf(book.getWorksheet('План раскатки')!)
    const totals = cells.filter((c) => c.label === 'Итого')
    // exceljs reads a cached 0 back as no result (the file holds <v>0</v>): an SMS rollout makes no calls.
    expect(read.planned).toBeLessThan(read.caseContacted)
    expect(totals.map((c) => c.result ?? 0)).toEqual([read.workingDays, read.planned, 0, read.cost])
    expect(cells.find((c) => c.label === 'Инкрементальный NPV')).toMatchObject({ formula: expect.stringMatching(/^B\d+-C\d+$/), result: (Math.round(read.case.npv * 100) - Math.round(read.caseFullReach.npv * 100)) / 100 })
    if (hasOpenpyxl()) {
      const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'rollout.xlsx')
      writeFileSync(file, body)
      expect(JSON.parse(execFileSync('/usr/bin/python3', [EVALUATOR, file], { encoding: 'utf8' }).trim().split('\n').pop()!).mismatches).toEqual([])
    }
    const pdf = await download('head', 'pdf', 'en')
    writeFileSync(join(SHOTS, 'report-rollout-en.pdf'), pdf.rawPayload)
    expect((await readPdfText(pdf.rawPayload)).text).toContain('Business case: the rollout plan against full reach')
  })
})

function hasOpenpyxl(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl, numpy'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
