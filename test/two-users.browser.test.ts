import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoBank } from '../src/app/demo/generate-demo-bank.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { launchChromium, newBrowserContext } from './launch-chromium.ts'
import { openTestDatabase } from './open-test-database.ts'
import { startWebServer } from './start-web-server.ts'

// Two users at once on the embedded database, in real Chromium: the admin imports a client file
// through the imports page while a manager opens client cards. PGlite has one connection, so a
// long statement anywhere (an import apply, a profile rebuild) would stop the manager's cards —
// invariant 10 says none may. The demo bank is small to keep CI fast; the bound is generous for a
// loaded two-core machine, and far below the 15–90 s the whole-profile rebuild used to freeze for.
const CLIENTS = 20_000
const UPDATED = 1_500
const ADDED = 1_500
const CARD_BOUND_MS = 8_000

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  db = await openTestDatabase()
  await generateDemoBank(db, { clients: CLIENTS, seed: 7, now: new Date(), churn: false })
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  // The demo bank takes most of it: about 20 s on an idle machine, minutes on a loaded CI machine.
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

async function signedIn(login: string): Promise<{ page: Page; errors: string[] }> {
  const context = await newBrowserContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'ru-RU' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(baseUrl)
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('demo')
  await page.keyboard.press('Enter')
  await page.getByTestId('navigation').waitFor()
  return { page, errors }
}

/** A core-banking export: new incomes for clients already stored, and new clients. */
function clientFile(bankIds: readonly string[]): string {
  const updates = bankIds.map((id, i) => `${id};;${50_000 + i},00`)
  const added = Array.from({ length: ADDED }, (_, i) => `NEW${String(i + 1).padStart(6, '0')};Новиков Тест ${i + 1};80 000,00`)
  return ['ИД клиента;ФИО;Доход в месяц', ...updates, ...added].join('\r\n') + '\r\n'
}

/** A live count through the API, as the analyst's selection editor asks for it. */
async function countIncomeOf(page: Page, income: number): Promise<number> {
  const response = await page.request.post(`${baseUrl}/api/selections/count`, { data: { rule: { field: 'income', op: 'eq', value: income } } })
  if (!response.ok()) throw new Error(`count: ${response.status()} ${await response.text()}`)
  return ((await response.json()) as { count: number }).count
}

async function storedIncomeOf(income: number): Promise<number> {
  const row = await db.kysely.selectFrom('clients').select((eb) => eb.fn.countAll<string>().as('n')).where('monthly_income', '=', income).executeTakeFirstOrThrow()
  return Number(row.n)
}

async function importStatus(): Promise<string | undefined> {
  const row = await db.kysely.selectFrom('imports').select('status').orderBy('id', 'desc').executeTakeFirst()
  return row?.status
}

describe('two users at once', () => {
  it('keeps answering a manager who opens client cards while the admin imports a file', async () => {
    const stored = await db.kysely.selectFrom('clients').select(['id', 'bank_id']).orderBy('id').limit(UPDATED).execute()
    const admin = await signedIn('admin')
    const manager = await signedIn('manager')
    const analyst = await signedIn('analyst')
    expect(await countIncomeOf(analyst.page, 80_000)).toBe(await storedIncomeOf(80_000))

    await admin.page.goto(`${baseUrl}/imports`)
    await admin.page.locator('input[type=file]').setInputFiles({ name: 'clients-incomes.csv', mimeType: 'text/csv', buffer: Buffer.from(clientFile(stored.map((c) => c.bank_id))) })
    await admin.page.getByTestId('import-preview').waitFor()
    // As the admin works: a dry run first (the form starts with it), then the real run.
    await admin.page.getByTestId('import-start').click()
    await expect.poll(importStatus).toBe('done')
    await admin.page.getByText('Пробный прогон', { exact: true }).click()
    await admin.page.getByTestId('import-start').click()
    await expect.poll(async () => (await db.kysely.selectFrom('imports').select('id').execute()).length).toBe(2)

    // The manager keeps working: card after card, during the import and right after it.
    const cardMs: number[] = []
    for (let i = 0; i < 40 && (i < 6 || /^(queued|running)$/.test((await importStatus()) ?? '')); i++) {
      const client = stored[(i * 37) % stored.length]
      const started = Date.now()
      await manager.page.goto(`${baseUrl}/clients/${client.id}`)
      await manager.page.getByTestId('client-bank-id').getByText(client.bank_id, { exact: true }).waitFor()
      cardMs.push(Date.now() - started)
    }
    await expect.poll(importStatus, { timeout: 120_000 }).toBe('done')
    expect(Math.max(...cardMs), `card times ${cardMs.join(', ')} ms`).toBeLessThan(CARD_BOUND_MS)

    // The admin's page shows the finished import, and the manager finds a client it added.
    const finished = await db.kysely.selectFrom('imports').select(['dry_run', 'loaded', 'rejected']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(finished).toEqual({ dry_run: false, loaded: UPDATED + ADDED, rejected: 0 })
    await admin.page.getByTestId('import-result').getByTestId('import-status').waitFor()
    const added = await db.kysely.selectFrom('clients').select(['full_name', 'monthly_income']).where('bank_id', '=', `NEW00${ADDED}`).executeTakeFirst()
    expect(added).toEqual({ full_name: `Новиков Тест ${ADDED}`, monthly_income: 80_000 })
    await manager.page.goto(`${baseUrl}/clients`)
    await manager.page.getByTestId('client-search').fill('Новиков Тест 1500')
    await manager.page.keyboard.press('Enter')
    await expect.poll(() => manager.page.getByTestId('clients-table').innerText()).toContain('Новиков Тест 1500')
    const incomes = await db.kysely.selectFrom('clients').select('monthly_income').where('id', '=', stored[0].id).executeTakeFirstOrThrow()
    expect(Number(incomes.monthly_income)).toBe(50_000)
    // The analyst's next count holds the imported clients: the profile caught up with the import.
    // (The file gives 80 000 to every client it adds, and other incomes to the clients it updates.)
    const stored80k = await storedIncomeOf(80_000)
    expect(stored80k).toBeGreaterThanOrEqual(ADDED)
    await expect.poll(() => countIncomeOf(analyst.page, 80_000), { timeout: 120_000 }).toBe(stored80k)
    expect(admin.errors).toEqual([])
    expect(manager.errors).toEqual([])
    expect(analyst.errors).toEqual([])
  })
})
