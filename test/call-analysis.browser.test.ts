import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankDay } from '../src/core/bank-day.ts'
import { demoCalls } from '../src/core/demo/demo-calls.ts'
import type { Database } from '../src/db/open-database.ts'
import { insertCalls } from '../src/db/stores/call-log-store.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { startWebServer } from './start-web-server.ts'

// The call-centre analysis (issue 10, item 6) for the client economist, in both languages: the
// heat map, reasons with handle time and first-call resolution, outcomes, the calls with their
// clients (a name opens the card); the analyst sees the phones masked. Shots: /tmp/shots/call-analysis/.
const SHOTS = '/tmp/shots/call-analysis'

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  db = await openTestDatabase()
  await createTestUser(db, 'client_economist')
  await createTestUser(db, 'analyst')
  const clients = await db.kysely.insertInto('clients').values(Array.from({ length: 400 }, (_, i) => ({
    bank_id: `CL${i}`, full_name: `Смирнов Алексей Игоревич ${i}`, phone: `7912${String(i).padStart(7, '0')}`,
  }))).returning(['id', 'phone']).execute()
  const today = bankDay(new Date(), 'Europe/Moscow')
  await insertCalls(db.kysely, demoCalls({ seed: 1, today, timeZone: 'Europe/Moscow', callers: clients.map((c) => ({ id: Number(c.id), phone: c.phone! })) }))
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('call analysis page', () => {
  it.each([
    ['ru', 'Анализ колл-центра', 'Карты', 'Решено с первого звонка'],
    ['en', 'Call-centre analysis', 'Cards', 'First-call resolution'],
  ] as const)('%s: the client economist reads the load, the reasons and the calls, and opens a client', async (language, title, cards, fcr) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'client_economist', language })
    await page.goto(`${baseUrl}/call-analysis`)
    await page.getByRole('heading', { name: title }).waitFor()
    await page.getByTestId('call-heat-map').locator('rect').first().waitFor()
    expect(await page.getByTestId('call-reasons').innerText()).toContain(cards)
    expect(await page.locator('body').innerText()).toContain(fcr)
    await page.getByTestId('calls-table').locator('tbody tr').first().waitFor()
    expect(await page.getByTestId('calls-table').innerText()).toMatch(/\+7 912 \d{3}-\d{2}-\d{2}/)
    await shootScreen(page, { path: `${SHOTS}/analysis-${language}.png`, rawKey: /callLog\.[a-z]/ })
    await page.getByTestId('calls-table').getByRole('link').first().click()
    await page.waitForURL(/\/clients\/\d+$/)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('masks the phones for the analyst', async () => {
    const { page } = await openSignedInPage({ browser, baseUrl, login: 'analyst', language: 'en' })
    await page.goto(`${baseUrl}/call-analysis`)
    await page.getByTestId('calls-table').locator('tbody tr').first().waitFor()
    expect(await page.getByTestId('calls-table').innerText()).toMatch(/7\*{6}\d\d/)
    await page.context().close()
  })
})
