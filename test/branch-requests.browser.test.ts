import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoBranchRequests } from '../src/app/demo/load-demo-branch-requests.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedClientBase, type ClientBase } from './seed-client-base.ts'
import { startWebServer } from './start-web-server.ts'

// What branches hear and the tasks for IT (issue 10, items 5 and 7), on the demo's requests, ideas
// and tasks over the small client base: the branch records a request on the card, the client
// economist reads the counts and the board, the analyst the overdue tasks; both languages,
// screenshots under /tmp/shots/branch-requests/.
const SHOTS = '/tmp/shots/branch-requests'
const RAW_KEY = /(branchRequests|ideas|itTasks|clientRequests|requestCategories)\.[a-z]/

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let base: ClientBase

beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  await createTestUser(db, 'branch', 'branch', base.branchIds.MSK)
  for (const role of ['client_economist', 'analyst', 'admin'] as const) await createTestUser(db, role)
  const today = new Date().toISOString().slice(0, 10)
  await loadDemoBranchRequests(db.kysely, { today, seed: 3, clients: 5 })
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('what branches hear', () => {
  it.each([
    ['ru', 'Вклад в юанях на 3 года'],
    ['en', 'A yuan deposit for 3 years'],
  ] as const)('%s: branch staff record a special request on their client card', async (language, text) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'branch', language })
    await page.goto(`${baseUrl}/clients/${base.ids['C-0001']}`)
    await page.getByTestId('client-request-category').click()
    await page.getByRole('option', { name: language === 'ru' ? 'Условия вкладов' : 'Deposit terms' }).click()
    await page.getByTestId('client-request-body').fill(text)
    await page.getByTestId('client-request-save').click()
    await page.getByTestId('client-requests-list').getByText(text).waitFor()
    await shootScreen(page, { path: `${SHOTS}/card-${language}.png`, rawKey: RAW_KEY })
    // The branch's own list: only its clients (C-0001 and C-0003 are MSK's).
    await page.goto(`${baseUrl}/branch-requests`)
    await page.getByTestId('requests-table').getByText(text).waitFor()
    expect(await page.getByTestId('requests-table').innerText()).not.toContain('Петрова')
    expect(errors).toEqual([])
  })

  it.each(['ru', 'en'] as const)('%s: the client economist reads the counts and curates the board', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'client_economist', language })
    await page.goto(`${baseUrl}/branch-requests`)
    await page.getByTestId('requests-table').waitFor()
    await shootScreen(page, { path: `${SHOTS}/requests-${language}.png`, rawKey: RAW_KEY })
    await page.getByTestId('tab-request-counts').click()
    await page.getByTestId('request-counts-chart').locator('.recharts-bar-rectangle').first().waitFor()
    await shootScreen(page, { path: `${SHOTS}/counts-${language}.png`, rawKey: RAW_KEY })
    await page.getByTestId('tab-ideas').click()
    const idea = page.getByTestId('ideas-board').locator('[data-testid^="idea-"]').filter({ hasText: 'Выбор категорий кэшбэка' })
    await idea.waitFor()
    expect(await idea.getByTestId('idea-funds').innerText()).toMatch(language === 'ru' ? /Средства клиентов: [\d\s ,]+₽/ : /Clients’ funds: ₽[\d,.]+/)
    await shootScreen(page, { path: `${SHOTS}/ideas-${language}.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
  })

  it.each(['ru', 'en'] as const)('%s: the analyst sees the overdue tasks for IT flagged', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'analyst', language })
    await page.goto(`${baseUrl}/it-tasks`)
    await page.getByTestId('it-tasks-table').waitFor()
    await page.getByTestId('it-tasks-overdue').click()
    await expect.poll(() => page.getByTestId('it-tasks-table').locator('tbody tr').count()).toBe(2)
    await page.getByTestId('it-tasks-overdue').click()
    await page.getByTestId('it-tasks-table').locator('[data-testid="it-task-comments-toggle"]').first().click()
    await shootScreen(page, { path: `${SHOTS}/it-tasks-${language}.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
  })
})
