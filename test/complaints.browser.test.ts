import { mkdirSync } from 'node:fs'
import { sql } from 'kysely'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankToday } from '../src/app/bank/bank-today.ts'
import { loadDemoComplaints } from '../src/app/demo/load-demo-complaints.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { startWebServer } from './start-web-server.ts'

// The complaints register (issue 10, item 1) in both languages: the register with the overdue ones
// first and their red badge, a new complaint registered and resolved on its page, the analysis with
// its chart, and the complaints on the client card; over the demo generator's 15 months of complaints.
// Screenshots under /tmp/shots/complaints/.
const SHOTS = '/tmp/shots/complaints'

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let clientId: number

beforeAll(async () => {
  db = await openTestDatabase()
  const k = db.kysely
  const [b1, b2] = (await sql<{ id: number }>`INSERT INTO branches (code, name, region_code) VALUES ('C-1', 'ЦБУ «Арбат»', '77'), ('C-2', 'ЦБУ «Уралмаш»', '66') RETURNING id`.execute(k)).rows.map((r) => r.id)
  await createTestUser(db, 'client_economist', 'client_economist', b1!)
  await sql`UPDATE users SET full_name = 'Орлова Екатерина Сергеевна' WHERE login = 'client_economist'`.execute(k)
  await sql`INSERT INTO clients (bank_id, full_name, phone, branch_id)
    SELECT 'C' || g, (ARRAY['Петрова Анна Сергеевна', 'Иванов Пётр Ильич', 'Смирнова Ольга'])[1 + g % 3] || ' ' || g, '7912' || lpad(g::text, 7, '0'), CASE WHEN g % 2 = 0 THEN ${b1}::int ELSE ${b2}::int END
    FROM generate_series(1, 1200) g`.execute(k)
  const loaded = await loadDemoComplaints(k, { today: await bankToday(k, new Date()), seed: 7 })
  expect(loaded).toBe(60)
  clientId = (await k.selectFrom('complaints').select('client_id').orderBy('received_at', 'desc').executeTakeFirstOrThrow()).client_id
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the complaints register', () => {
  it.each([
    ['ru', 'Новая жалоба', 'Зарегистрировать', 'Решить…', 'Решить', 'решена', 'Анализ', 'Жалобы по месяцам'],
    ['en', 'New complaint', 'Register', 'Resolve…', 'Resolve', 'resolved', 'Analysis', 'Complaints by month'],
  ] as const)('%s: overdue first, a new complaint registered and resolved, the analysis and the client card', async (language, create, submit, resolveOpen, resolve, resolved, analysisTab, byMonth) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'client_economist', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/complaints`)
    const rows = page.getByTestId('complaints-table').locator('tbody tr')
    await rows.first().waitFor()
    // Overdue ones first: no row without the badge comes before one with it.
    const overdue = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid=complaint-overdue]') !== null))
    expect(overdue.indexOf(false)).toBeGreaterThan(0)
    expect(overdue.slice(overdue.indexOf(false))).not.toContain(true)
    await shootScreen(page, { path: `${SHOTS}/register-${language}.png`, rawKey: /complaints\.[a-z]/ })

    await page.getByRole('button', { name: create }).click()
    await page.getByTestId('complaint-client').fill('C12')
    await page.getByRole('option', { name: /C12 ·/ }).click()
    await page.getByTestId('complaint-category').click()
    await page.getByRole('option').nth(8).click()
    await page.getByTestId('complaint-subject').fill('Списание без моего ведома')
    await page.getByRole('button', { name: submit, exact: true }).click()
    await page.getByTestId('complaint-page').waitFor()
    await page.getByRole('button', { name: resolveOpen }).click()
    await page.getByTestId('complaint-resolution').fill('Деньги возвращены, карта перевыпущена')
    await page.getByRole('button', { name: resolve, exact: true }).click()
    await page.getByTestId('complaint-page').getByText(resolved, { exact: true }).first().waitFor()
    await expect.poll(() => page.getByTestId('complaint-moves').locator('tr').count()).toBe(2)
    await shootScreen(page, { path: `${SHOTS}/complaint-${language}.png`, rawKey: /complaints\.[a-z]/ })

    await page.goto(`${baseUrl}/complaints`)
    await page.getByRole('tab', { name: analysisTab }).click()
    await page.getByText(byMonth).waitFor()
    await page.getByTestId('complaints-analysis').locator('.recharts-bar-rectangle').first().waitFor()
    await shootScreen(page, { path: `${SHOTS}/analysis-${language}.png`, rawKey: /complaints\.[a-z]/ })

    await page.goto(`${baseUrl}/clients/${clientId}`)
    await page.getByTestId('client-complaints').getByTestId('complaints-table').waitFor()
    await page.getByTestId('client-complaints').scrollIntoViewIfNeeded()
    await page.getByTestId('client-complaints').screenshot({ path: `${SHOTS}/client-card-${language}.png` })
    expect(errors).toEqual([])
  })
})
