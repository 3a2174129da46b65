import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { BROWSER_STEP_MS, launchChromium, newBrowserContext } from './launch-chromium.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedWebFixture } from './seed-web-fixture.ts'
import { startWebServer } from './start-web-server.ts'

// Issue 6 item 2: the imports page went blank ("TypeError: l is not a function") after a dry run
// followed by the real run, and when two rows of the history were clicked in turn — an effect
// returned scrollIntoView's Promise as its cleanup. These are exactly those clicks.
/** The status of a finished import, in the app's default language. */
const DONE = 'Завершена'
const CSV = 'bank_id;full_name\r\nIP1;Орлова Вера Павловна\r\nIP2;Зайцев Пётр Ильич\r\n'

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  db = await openTestDatabase()
  await seedWebFixture(db)
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the imports page', () => {
  it('keeps rendering through upload, dry run, real run and two history rows clicked in turn', async () => {
    const context = await newBrowserContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(baseUrl)
    await page.locator('input[name=login]').fill('admin')
    await page.locator('input[name=password]').fill('pw')
    await page.keyboard.press('Enter')
    await page.getByTestId('navigation').waitFor()
    await page.goto(`${baseUrl}/imports`)

    await page.locator('input[type=file]').setInputFiles({ name: 'two-clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    await expect.poll(() => page.getByTestId('import-preview').innerText(), { timeout: BROWSER_STEP_MS }).toContain('Зайцев Пётр Ильич')
    const result = page.getByTestId('import-result')
    const status = () => result.getByTestId('import-status').innerText()

    // The dry run (the form's default), then the real run of the same file.
    await expect(page.getByTestId('import-dry-run').isChecked()).resolves.toBe(true)
    await page.getByTestId('import-start').click()
    await expect.poll(status, { timeout: BROWSER_STEP_MS }).toBe(DONE)
    const dryRunText = await result.innerText()
    await page.getByTestId('import-dry-run').click()
    await page.getByTestId('import-start').click()
    await expect.poll(() => result.innerText(), { timeout: BROWSER_STEP_MS }).not.toBe(dryRunText)
    await expect.poll(status, { timeout: BROWSER_STEP_MS }).toBe(DONE)

    // Two rows of the history, one after the other: each opens its import and the page stays.
    const history = page.getByTestId('import-history')
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: BROWSER_STEP_MS }).toBe(2)
    for (const row of [1, 0]) {
      await history.locator('tbody tr').nth(row).click()
      await expect.poll(status, { timeout: BROWSER_STEP_MS }).toBe(DONE)
      await expect(page.getByTestId('navigation').isVisible()).resolves.toBe(true)
    }
    expect(errors).toEqual([])
    const loaded = await db.kysely.selectFrom('clients').select('full_name').where('bank_id', 'in', ['IP1', 'IP2']).execute()
    expect(loaded).toHaveLength(2)
    await context.close()
  })

  // The background jobs under the form (admin, analyst): the import queue with the imports just run
  // and the profile; screenshots in both languages under /tmp/otklik-shots.
  it.each([['ru', 'Загрузки: ждут 0, выполняются 0, с ошибкой 0'], ['en', 'Imports: waiting 0, running 0, failed 0']] as const)('shows the background jobs in %s', async (language, importsLine) => {
    const context = await newBrowserContext(browser, { viewport: { width: 1440, height: 900 }, locale: language === 'ru' ? 'ru-RU' : 'en-GB' })
    await context.addInitScript((lang) => window.localStorage.setItem('otklik.language', lang), language)
    const page = await context.newPage()
    await page.goto(baseUrl)
    await page.locator('input[name=login]').fill('admin')
    await page.locator('input[name=password]').fill('pw')
    await page.keyboard.press('Enter')
    await page.getByTestId('navigation').waitFor()
    await page.goto(`${baseUrl}/imports`)
    const panel = page.getByTestId('jobs-panel')
    await expect.poll(() => panel.innerText(), { timeout: BROWSER_STEP_MS }).toContain(importsLine)
    await expect.poll(() => panel.getByTestId('jobs-profile').innerText(), { timeout: BROWSER_STEP_MS }).toMatch(language === 'ru' ? /Профиль отбора: \d+ клиент/ : /Selection profile: \d+ clients/)
    await page.screenshot({ path: `/tmp/otklik-shots/imports-jobs-${language}.png`, fullPage: true })
    await context.close()
  })
})
