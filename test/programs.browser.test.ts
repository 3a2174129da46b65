import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../src/core/program/business-case-worked-example.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedCashLoanProduct } from './seed-cash-loan-product.ts'
import { seedClientBase } from './seed-client-base.ts'
import { startWebServer } from './start-web-server.ts'

// The registry of programs in real Chromium against the real server: the economist creates a
// program, plans its business case and proposes it; the head finds it in the inbox, reads the
// case and the tornado, approves it with a comment, and is told what the pilot still needs.
// Screenshots of every screen in both languages go to /tmp/otklik-shots.
const SHOTS = '/tmp/otklik-shots'
const RAW_KEY = /\b(common|errors|nav|channels|programs|waves|reasons|responseRules|productTypes)\.[a-zA-Z_]+\b/
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  await seedClientBase(db)
  await seedCashLoanProduct(db)
  for (const role of ['program_economist', 'head', 'marketer'] as const) await createTestUser(db, role)
  await db.kysely.updateTable('users').set({ full_name: 'Громов Виктор Андреевич' }).where('login', '=', 'head').execute()
  await db.kysely.updateTable('users').set({ full_name: 'Орлова Анна Сергеевна' }).where('login', '=', 'program_economist').execute()
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

const openPage = (login: string, language: 'ru' | 'en' = 'ru') => openSignedInPage({ browser, baseUrl, login, language })
const shoot = (page: Page, name: string) => shootScreen(page, { path: `${SHOTS}/${name}.png`, rawKey: RAW_KEY })

describe('programs in Chromium', () => {
  it('the economist creates a program, plans its case in the form and proposes it', async () => {
    const { page, errors } = await openPage('program_economist')
    await page.getByTestId('navigation').getByText('Программы').click()
    await page.getByRole('heading', { name: 'Программы' }).waitFor()
    await expect.poll(() => page.getByTestId('programs-table').innerText()).toContain('Программ пока нет')
    await shoot(page, 'programs-empty-ru')

    await page.getByTestId('new-program').click()
    await page.getByTestId('program-code').fill('CL-SAL')
    await page.getByTestId('program-name').fill('Кредит наличными зарплатным клиентам')
    await shoot(page, 'program-new-ru')
    await page.getByTestId('create-program').click()
    await page.getByRole('heading', { name: 'Кредит наличными зарплатным клиентам' }).waitFor()
    await expect.poll(() => page.getByTestId('case-missing').innerText()).toContain('нет целевого продукта')

    // The plan through the form: product, channel and its cost, the case's assumptions.
    await page.getByTestId('edit-plan').click()
    await page.getByTestId('field-targetProduct').click()
    await page.getByRole('option', { name: 'Кредит наличными (CL_CASH)' }).click()
    await page.getByTestId('program-plan-form').getByText('SMS', { exact: true }).click()
    await page.getByTestId('field-cost-sms').fill('3,5')
    const typed = BUSINESS_CASE_WORKED_EXAMPLE_TYPED
    const percent = (share: number) => String(Math.round(share * 10_000) / 100).replace('.', ',')
    await page.getByTestId('field-audience').fill(String(typed.audience))
    await page.getByTestId('field-responseRateTarget').fill(percent(typed.responseRateTarget))
    await page.getByTestId('field-responseRateControl').fill(percent(typed.responseRateControl))
    await page.getByTestId('field-conversion').fill(percent(typed.conversion))
    await page.getByTestId('field-fixedCosts').fill(String(typed.fixedCosts))
    await page.getByTestId('field-averageBalance').fill(String(typed.averageBalance))
    await page.getByTestId('field-discountRate').fill(percent(typed.discountRate))
    await page.getByTestId('field-horizonYears').fill(String(typed.horizonYears))
    await shoot(page, 'program-plan-form-ru')
    await page.getByTestId('save-plan').click()
    // The worked example of core/program/compute-business-case.test.ts: NPV 1 539 437,50 ₽.
    await expect.poll(async () => plain(await page.getByTestId('case-npv').innerText())).toBe('1 539 437,50 ₽')
    expect(plain(await page.getByTestId('case-totalCost').innerText())).toBe('81 500,00 ₽')
    await expect(page.getByTestId('tornado').innerText()).resolves.toContain('Отклик в целевой')

    // What counts as its response: a loan opened, or an application from a call.
    await expect(page.getByTestId('response-rules-none').innerText()).resolves.toContain('Правил нет')
    await page.getByTestId('response-rules-edit').click()
    await page.getByText('+ правило').click()
    await page.getByTestId('rule-type').nth(1).click()
    await page.getByRole('option', { name: 'Заявка' }).click()
    await page.getByTestId('rule-min-value').nth(1).fill('100 000')
    await shoot(page, 'program-response-rules-editor-ru')
    await page.getByTestId('response-rules-save').click()
    await expect.poll(() => page.getByTestId('response-rule').allInnerTexts()).toEqual([expect.stringMatching(/^\s*Продукт открыт$/), expect.stringMatching(/^или\s+Заявка · не менее 100.000 ₽$/)])
    await expect(page.getByTestId('response-rules').innerText()).resolves.toContain('30 дн.')

    await page.getByTestId('move-proposed').click()
    await page.getByTestId('move-comment').fill('Прошу утвердить: окупается за два месяца')
    await page.getByTestId('move-confirm').click()
    await expect.poll(() => page.getByTestId('program-status').first().innerText()).toBe('На утверждении')
    await shoot(page, 'program-proposed-ru')
    expect(errors).toEqual([])
  })

  it('the head finds it in the inbox, approves it, and sees what the pilot still needs', async () => {
    const { page, errors } = await openPage('head')
    await page.getByTestId('navigation').getByText('Программы').click()
    await page.getByTestId('programs-inbox').getByText('Ждут моего решения').click()
    await expect.poll(() => page.getByTestId('programs-table').innerText()).toContain('CL-SAL')
    await shoot(page, 'programs-inbox-ru')
    await page.getByTestId('programs-table').getByText('CL-SAL').click()
    await page.getByTestId('move-approved').click()
    await page.getByTestId('move-comment').fill('Утверждаю пилот')
    await page.getByTestId('move-confirm').click()
    await expect.poll(() => page.getByTestId('program-status').first().innerText()).toBe('Утверждена')
    await expect(page.getByTestId('program-decisions').innerText()).resolves.toContain('Утверждаю пилот')
    // The plan names the product and the proposer as people read them, not by code and login.
    await expect(page.getByTestId('plan-targetProduct').innerText()).resolves.toContain('Кредит наличными (CL_CASH)')
    await expect(page.getByTestId('plan-proposedBy').innerText()).resolves.toContain('Орлова Анна Сергеевна')

    await page.getByTestId('move-pilot').click()
    await page.getByTestId('move-confirm').click()
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('не хватает')
    await shoot(page, 'program-checklist-refused-ru')
    await page.keyboard.press('Escape')
    await shoot(page, 'program-approved-ru')
    expect(errors).toEqual([])
  })

  it('reads the same in English, and the marketer sees the program without its money', async () => {
    const { page, errors } = await openPage('head', 'en')
    await page.goto(`${baseUrl}/programs`)
    await page.getByRole('heading', { name: 'Programs' }).waitFor()
    await expect.poll(() => page.getByTestId('programs-table').innerText()).toContain('Approved')
    await shoot(page, 'programs-list-en')
    await page.getByTestId('tab-timeline').click()
    await shoot(page, 'programs-timeline-en')
    await page.goto(`${baseUrl}/programs/CL-SAL`)
    await expect.poll(async () => plain(await page.getByTestId('case-npv').innerText())).toBe('₽1,539,437.50')
    await expect.poll(() => page.getByTestId('response-rule').allInnerTexts()).toEqual([expect.stringMatching(/^\s*Conversion \(product opened\)$/), expect.stringMatching(/^or\s+Application · at least 100,000 ₽$/)])
    await shoot(page, 'program-approved-en')

    const marketer = await openPage('marketer')
    await marketer.page.goto(`${baseUrl}/programs/CL-SAL`)
    await marketer.page.getByTestId('program-plan').waitFor()
    expect(await marketer.page.getByTestId('program-case').count()).toBe(0)
    await shoot(marketer.page, 'program-marketer-ru')
    expect([...errors, ...marketer.errors]).toEqual([])
  })
})
