import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgram } from '../src/app/program/create-program.ts'
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

// The rollout plan on the program page in real Chromium at 1366×768: the economist plays with the
// call centre's capacity and the budgets, sees the waves and the business case move, and saves the
// plan; the same in English. The program is the rollout worked example of core/program/plan-rollout.test.ts.
const SHOTS = '/tmp/shots/rollout'
const RAW_KEY = /\b(common|channels|programs|rollout|reasons)\.[a-zA-Z_]+\b/
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
  const economist = await createTestUser(db, 'program_economist')
  await db.kysely.updateTable('users').set({ full_name: 'Орлова Анна Сергеевна' }).where('login', '=', 'program_economist').execute()
  await createProgram(db.kysely, {
    actor: { id: economist, login: 'program_economist', role: 'program_economist' },
    body: {
      code: 'CL-CALL',
      name: 'Кредит наличными: обзвон зарплатных клиентов',
      goal: 'cross_sell',
      targetProduct: 'CL_CASH',
      channels: ['call', 'sms'],
      controlShare: 0.1,
      pilotSize: 1_000,
      budget: 700_000,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-06-30',
      businessCase: {
        ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED,
        channelCosts: [
          { channel: 'call', costPerContact: 60, contactsPerClient: 1 },
          { channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 },
        ],
      },
    },
  })
  ;({ app, baseUrl } = await startWebServer(db))
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
  await opened.page.goto(`${baseUrl}/programs/CL-CALL`)
  await opened.page.getByTestId('rollout-result').waitFor()
  return opened
}
const shoot = async (page: Page, name: string) => {
  await page.getByTestId('rollout-plan').scrollIntoViewIfNeeded()
  await shootScreen(page, { path: `${SHOTS}/${name}.png`, rawKey: RAW_KEY })
}
const text = async (page: Page, testId: string) => plain(await page.getByTestId(testId).innerText())

describe('the rollout plan in Chromium', () => {
  it('moves the waves and the case as the economist changes capacity and budget, and saves the plan', async () => {
    const { page, errors } = await openProgram('ru')
    // 10 operators × 12 × 7 × 35% = 294 clients a day; everyone left (8 100) by 30 June.
    await expect.poll(() => text(page, 'rollout-planned')).toBe('8 100 из 8 100')
    await expect.poll(() => text(page, 'rollout-pace')).toBe('840 звонков → 294 клиентов в день')
    await shoot(page, 'rollout-ru')

    await page.getByTestId('rollout-operators').fill('5')
    await page.getByTestId('rollout-reachPercent').fill('50')
    await page.getByTestId('rollout-budget-call').fill('300000')
    await page.getByTestId('rollout-maxWaveSize').fill('1000')
    await expect.poll(() => text(page, 'rollout-planned')).toBe('5 000 из 8 100')
    expect(await text(page, 'rollout-cut-budget')).toContain('3 100 — не хватает бюджета канала «Звонок»')
    await expect.poll(() => text(page, 'rollout-case-npv')).toBe('637 964,58 ₽')
    expect(await page.getByTestId('rollout-wave-bar').count()).toBe(5)
    expect(await page.getByTestId('rollout-reach-chart').isVisible()).toBe(true)
    await shoot(page, 'rollout-budget-ru')

    await page.getByTestId('rollout-operators').fill('0')
    await expect.poll(() => page.getByTestId('rollout-cut-capacity').isVisible()).toBe(true)
    expect(await text(page, 'rollout-cut-capacity')).toContain('звонковые волны невозможны')
    await page.getByTestId('rollout-operators').fill('-2')
    await expect.poll(() => page.getByText('Операторы — целое число от 0 до 100 000 (-2).').isVisible()).toBe(true)
    // The refused what-if keeps the last plan on screen.
    expect(await page.getByTestId('rollout-result').isVisible()).toBe(true)
    await shoot(page, 'rollout-refused-ru')

    await page.getByTestId('rollout-operators').fill('5')
    await expect.poll(() => text(page, 'rollout-planned')).toBe('5 000 из 8 100')
    await page.getByTestId('rollout-save').click()
    await expect.poll(() => text(page, 'rollout-saved')).toContain('Орлова Анна Сергеевна')
    const saved = await db.kysely.selectFrom('program_rollout_plans').select('inputs').executeTakeFirstOrThrow()
    expect(saved.inputs).toMatchObject({ operators: 5, reachRate: 0.5, maxWaveSize: 1_000, channelBudgets: [{ channel: 'call', budget: 300_000 }] })
    expect(errors).toEqual([])
  })

  it('reads the saved plan in English', async () => {
    const { page, errors } = await openProgram('en')
    await expect.poll(() => text(page, 'rollout-planned')).toBe('5,000 of 8,100')
    await expect.poll(() => text(page, 'rollout-case-npv')).toBe('₽637,964.58')
    expect(await text(page, 'rollout-saved')).toContain('Plan saved')
    await shoot(page, 'rollout-en')
    expect(errors).toEqual([])
  })
})
