import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { bankToday } from '../src/app/bank/bank-today.ts'
import { refreshProfile } from '../src/app/selection/refresh-profile.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../src/core/program/business-case-worked-example.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { signIn } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedCashLoanProduct } from './seed-cash-loan-product.ts'
import { startWebServer } from './start-web-server.ts'

// The pilot design panel of the program page in real Chromium (issue 7, item 5): the worked
// example's cash loan over a selection of 100 000 with 10% control and 10 000 planned. By default
// the break-even uplift needs more than the selection; 5% → 6% needs 41 855 + 4 651, more than the
// plan, and one click puts 46 506 into the plan. Screenshots at 1366×768 in /tmp/shots/pilot.
const SHOTS = '/tmp/shots/pilot'
const RAW_KEY = /\b(common|errors|nav|channels|programs|waves|reasons|pilot)\.[a-zA-Z_]+\b/
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let cookie: string

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  await seedCashLoanProduct(db)
  ;({ app, baseUrl } = await startWebServer(db))
  ;({ cookie } = await signIn(app, db, 'program_economist'))
  const created = await app.inject({
    method: 'POST',
    url: '/api/programs',
    headers: { cookie },
    payload: {
      code: 'CL-PILOT', name: 'Кредит наличными: пилот', goal: 'cross_sell', targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, pilotSize: 10_000,
      businessCase: { ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED, audience: 100_000 },
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

async function openProgram(language: 'ru' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language })
  await opened.page.setViewportSize({ width: 1366, height: 768 })
  await opened.page.goto(`${baseUrl}/programs/CL-PILOT`)
  await opened.page.getByTestId('pilot-design').waitFor()
  return opened
}
async function shoot(page: Page, name: string) {
  await shootScreen(page, { path: `${SHOTS}/${name}.png`, rawKey: RAW_KEY })
  await page.getByTestId('pilot-design').screenshot({ path: `${SHOTS}/${name}-panel.png` })
}
const text = async (page: Page, testId: string) => plain(await page.getByTestId(testId).innerText())

describe('pilot design in Chromium', () => {
  it('sizes the pilot from the break-even, then for 5% → 6%, and puts the size into the plan', async () => {
    const { page, errors } = await openProgram('ru')
    await expect.poll(() => text(page, 'pilot-inputs')).toContain('безубыточный прирост')
    await expect.poll(() => page.getByTestId('pilot-warning').first().getAttribute('data-code')).toBe('pilot.selection_too_small')
    await shoot(page, 'break-even-ru')

    await page.getByTestId('pilot-baseline').fill('5')
    await page.getByTestId('pilot-uplift').fill('1')
    await expect.poll(() => text(page, 'pilot-required-target')).toBe('41 855')
    expect(await text(page, 'pilot-inputs')).toContain('минимальный значимый прирост 1 п.п. (задан вручную)')
    expect(await text(page, 'pilot-required-control')).toBe('4 651')
    expect(await text(page, 'pilot-required-total')).toBe('46 506')
    expect(await text(page, 'pilot-selection')).toContain('5 062 593,69 ₽')
    expect(await text(page, 'pilot-npv-at-uplift')).toContain('7 739 687,50 ₽')
    await expect.poll(() => page.getByTestId('pilot-warning').getAttribute('data-code')).toBe('pilot.over_planned_size')
    await shoot(page, 'sized-ru')

    await page.getByTestId('pilot-save-size').click()
    await expect.poll(() => text(page, 'plan-pilotSize')).toContain('46 506')
    await expect.poll(() => page.getByTestId('pilot-warning').count()).toBe(0)
    // A share out of range is marked at its input and not sent; a refusal of the server is told in words.
    await page.getByTestId('pilot-controlShare').fill('0')
    await expect.poll(() => text(page, 'pilot-design')).toContain('Больше 0 и меньше 100 %')
    await shoot(page, 'refused-share-ru')
    await page.getByTestId('pilot-controlShare').fill('')
    await page.getByTestId('pilot-uplift').fill('0')
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Минимальный значимый прирост не может быть 0')
    await shoot(page, 'refused-uplift-ru')
    expect(errors).toEqual([])
  })

  it('reads the same in English', async () => {
    const { page, errors } = await openProgram('en')
    await page.getByTestId('pilot-baseline').fill('5')
    await page.getByTestId('pilot-uplift').fill('1')
    await page.getByTestId('pilot-controlShare').fill('50')
    await expect.poll(() => text(page, 'pilot-required-target')).toBe('8,158')
    expect(await text(page, 'pilot-required-control')).toBe('8,158')
    await shoot(page, 'sized-en')
    expect(errors).toEqual([])
  })

  it('shows a pilot wave’s sample and branches on the wave page', async () => {
    const k = db.kysely
    await k.insertInto('branches').values([
      { code: 'MSK1', name: 'ЦБУ Тверская', region_code: '77' },
      { code: 'EKB1', name: 'ЦБУ Малышева', region_code: '66' },
    ]).execute()
    await sql`
      INSERT INTO clients (bank_id, full_name, branch_id, region_code)
      SELECT 'P-' || g, 'Клиент ' || g, b.id, b.region_code FROM generate_series(1, 300) g JOIN branches b ON b.code = (ARRAY['MSK1','EKB1'])[1 + g % 2]
    `.execute(k)
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at) SELECT id, 'sms', true, '2020-01-01T00:00:00Z' FROM clients`.execute(k)
    await refreshProfile(db, await bankToday(k, new Date()))
    const built = await app.inject({
      method: 'POST', url: '/api/waves', headers: { cookie },
      payload: { programCode: 'CL-PILOT', rule: { field: 'status', op: 'eq', value: 'active' }, channel: 'sms', sample: { size: 60 }, scope: { branches: ['MSK1'] } },
    })
    expect(built.statusCode, built.body).toBe(201)
    for (const language of ['ru', 'en'] as const) {
      const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language })
      await page.setViewportSize({ width: 1366, height: 768 })
      await page.goto(`${baseUrl}/selections/waves/${built.json().wave}`)
      await expect.poll(() => text(page, 'wave-scope')).toContain(language === 'ru' ? 'Пилот: 60 случайных клиентов, отделения ЦБУ Тверская — из 294 клиентов отбора' : 'Pilot: 60 random clients, branches ЦБУ Тверская — of the selection')
      expect(await text(page, 'wave-scope')).toContain('ЦБУ Тверская')
      await shootScreen(page, { path: `${SHOTS}/wave-scope-${language}.png`, rawKey: RAW_KEY })
      expect(errors).toEqual([])
    }
  })
})
