import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { signIn } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedCashLoanProduct } from './seed-cash-loan-product.ts'
import { startWebServer } from './start-web-server.ts'

// The product catalogue in real Chromium: the head changes the cash loan's term of life in the
// form and the table shows it; a program economist reads the same terms without an edit button.
const SHOTS = '/tmp/shots/catalogue'
const RAW_KEY = /\b(common|errors|nav|catalogue|productTypes|settings)\.[a-zA-Z_]+\b/
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  await seedCashLoanProduct(db)
  ;({ app, baseUrl } = await startWebServer(db))
  // Creates the users with the test password.
  for (const role of ['head', 'program_economist', 'admin'] as const) await signIn(app, db, role)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the product catalogue page', () => {
  it('lets the head change a product’s terms in the form (ru)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'head', language: 'ru' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('navigation').getByText('Каталог продуктов').click()
    await page.getByTestId('catalogue-table').getByText('CL_CASH', { exact: false }).waitFor()
    expect(await page.getByTestId('catalogue-read-only').count()).toBe(0)
    await page.getByTestId('edit-CL_CASH').click()
    const lifetime = page.getByTestId('field-lifetimeMonths')
    await lifetime.fill('48')
    await shootScreen(page, { path: `${SHOTS}/catalogue-form-ru.png`, rawKey: RAW_KEY })
    await page.getByTestId('save-product').click()
    await page.getByTestId('product-terms-form').waitFor({ state: 'detached' })
    const stored = await db.kysely.selectFrom('products').select('lifetime_months').where('code', '=', 'CL_CASH').executeTakeFirstOrThrow()
    expect(stored.lifetime_months).toBe(48)
    await expect.poll(async () => plain(await page.getByTestId('catalogue-table').innerText())).toContain('48')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows a program economist the terms read-only (en)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language: 'en' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('navigation').getByText('Product catalogue').click()
    await page.getByTestId('catalogue-read-only').waitFor()
    expect(await page.getByTestId('edit-CL_CASH').count()).toBe(0)
    expect(plain(await page.getByTestId('catalogue-table').innerText())).toContain('CL_CASH')
    await shootScreen(page, { path: `${SHOTS}/catalogue-read-only-en.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  })
})

// The bank's settings beside the catalogue: the letterhead letters carry and the contact hours.
describe('the bank settings page', () => {
  it('lets the head set the letterhead, naming an emptied field, audited (ru)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'head', language: 'ru' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('navigation').getByText('Настройки банка').click()
    const name = page.getByTestId('letterhead-name')
    await expect.poll(async () => name.inputValue()).toBe('АО «Банк Отклик»')
    await page.getByTestId('letterhead-signatoryName').fill('')
    await page.getByText('Подписант: ФИО: обязательное поле').waitFor()
    expect(await page.getByTestId('letterhead-save').isDisabled()).toBe(true)
    await shootScreen(page, { path: `${SHOTS}/settings-error-ru.png`, rawKey: RAW_KEY })
    await page.getByTestId('letterhead-signatoryName').fill('И. П. Смирнова')
    await name.fill('ПАО «Северный банк»')
    await page.getByTestId('letterhead-save').click()
    await page.getByTestId('letterhead-saved').waitFor()
    const saved = await db.kysely.selectFrom('bank_settings').select('value').where('key', '=', 'letterhead').executeTakeFirstOrThrow()
    expect(saved.value).toMatchObject({ name: 'ПАО «Северный банк»', signatory: { name: 'И. П. Смирнова' } })
    expect(await db.kysely.selectFrom('audit_events').select('login').where('action', '=', 'settings.letterhead').execute()).toEqual([{ login: 'head' }])
    await shootScreen(page, { path: `${SHOTS}/settings-ru.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lets the admin close the days off and refuses a window that ends before it starts (en)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'admin', language: 'en' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/settings`)
    const until = page.getByTestId('hours-weekdays-until')
    await expect.poll(async () => until.inputValue()).toBe('21:00')
    await until.fill('08:00')
    await page.getByText('Working days, Until: the window must end after it starts').waitFor()
    expect(await page.getByTestId('hours-save').isDisabled()).toBe(true)
    await until.fill('20:30')
    await page.getByTestId('hours-weekends-open').click({ force: true })
    await page.getByText('No SMS or calls on days off.').waitFor()
    await page.getByTestId('hours-save').click()
    await page.getByTestId('hours-saved').waitFor()
    const saved = await db.kysely.selectFrom('bank_settings').select('value').where('key', '=', 'contact_hours').executeTakeFirstOrThrow()
    expect(saved.value).toEqual({ weekdays: { from: 540, until: 1230 }, weekends: null })
    expect(await db.kysely.selectFrom('audit_events').select('login').where('action', '=', 'settings.contact_hours').execute()).toEqual([{ login: 'admin' }])
    await shootScreen(page, { path: `${SHOTS}/settings-en.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
