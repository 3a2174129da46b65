import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedWebFixture, type WebFixture } from './seed-web-fixture.ts'
import { startWebServer } from './start-web-server.ts'

// The web UI in real Chromium against the real server over a fresh database. Screenshots of every
// screen in both languages go to /tmp/otklik-shots for a human to look at.
const SHOTS = '/tmp/otklik-shots'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
// A translation key on screen ("clients.columns.phone") means a string is missing in a language.
const RAW_KEY = /\b(app|common|errors|login|nav|areas|roles|segments|clientStatuses|channels|noteKinds|productTypes|personalFields|table|clients|client|holdings|activity|consents|notes|importKinds|imports|auditActions|audit|users)\.[a-zA-Z_]+\b/
/** Intl writes Russian numbers with no-break spaces; the assertions use plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let fixture: WebFixture

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  fixture = await seedWebFixture(db)
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

/** Signs in from the keyboard alone: the login field has focus, Tab to the password, Enter. */
async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(baseUrl)
  await page.locator('input[name=login]:focus').waitFor()
  await page.keyboard.type(login)
  await page.keyboard.press('Tab')
  await page.keyboard.type('pw')
  await page.keyboard.press('Enter')
  await page.getByTestId('navigation').waitFor()
}

async function setLanguage(page: Page, language: 'RU' | 'EN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language, { exact: true }).click()
}

async function visibleText(page: Page): Promise<string> {
  return plain(await page.locator('body').innerText())
}

describe('web UI in Chromium', () => {
  it('logs in, finds a client by phone, opens the card and switches the language for good', async () => {
    const { page, errors } = await openPage()
    await page.goto(baseUrl)
    await expect(page.getByRole('heading', { name: 'Вход' }).isVisible()).resolves.toBe(true)

    await page.locator('input[name=login]').fill('manager')
    await page.locator('input[name=password]').fill('wrong')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('login-error').innerText()).resolves.toContain('Неверный логин или пароль')

    await signIn(page, 'manager')
    await page.getByRole('heading', { name: 'Клиентская база' }).waitFor()
    // A phone typed the way the client says it finds the client stored as digits.
    await page.getByTestId('client-search').fill('8 (912) 345-67-89')
    await page.keyboard.press('Enter')
    const rows = page.locator('[data-testid=clients-table] tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    await expect(rows.first().innerText()).resolves.toContain(fixture.vipName)
    expect(plain(await rows.first().innerText())).toContain('420 000,00 ₽')

    await page.getByRole('link', { name: fixture.vipName }).click()
    await expect(page.getByTestId('client-name').innerText()).resolves.toBe(fixture.vipName)
    await expect(page.getByTestId('client-bank-id').innerText()).resolves.toBe(fixture.vipBankId)
    const holdings = page.getByTestId('holdings-table')
    await expect.poll(async () => plain(await holdings.innerText())).toContain('2 500 000,00 ₽')
    expect(await visibleText(page)).toContain('Персональные данные')
    await page.screenshot({ path: `${SHOTS}/test-card-ru.png`, fullPage: true })

    await setLanguage(page, 'EN')
    await page.getByRole('heading', { name: 'Personal data' }).waitFor()
    expect(plain(await holdings.innerText())).toContain('₽2,500,000.00')
    expect(await page.getByTestId('navigation').innerText()).toContain('Client base')
    expect(await visibleText(page)).not.toContain('Персональные данные')

    await page.reload()
    await page.getByRole('heading', { name: 'Personal data' }).waitFor()
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
    expect(plain(await page.getByTestId('holdings-table').innerText())).toContain('₽2,500,000.00')
    await page.screenshot({ path: `${SHOTS}/test-card-en.png`, fullPage: true })

    await page.getByRole('link', { name: /Back to clients/ }).click()
    await expect.poll(() => rows.count()).toBe(1)
    expect(await page.getByTestId('client-search').inputValue()).toBe('8 (912) 345-67-89')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('adds a note to the card from the keyboard', async () => {
    const { page, errors } = await openPage()
    await signIn(page, 'manager')
    await page.goto(`${baseUrl}/clients/${fixture.vipClientId}`)
    const note = page.getByPlaceholder(/Ctrl\+Enter/)
    await note.fill('Спросить о вкладе при следующем визите')
    await note.press('Control+Enter')
    await expect.poll(() => page.getByTestId('notes-list').innerText()).toContain('Спросить о вкладе при следующем визите')
    await page.reload()
    await expect.poll(() => page.getByTestId('notes-list').innerText()).toContain('Спросить о вкладе при следующем визите')
    expect(errors).toEqual([])
    await page.context().close()
  })

  const SCREENS: Array<{ login: string; name: string; path: string; ready: string }> = [
    { login: 'manager', name: 'clients', path: '/clients', ready: '[data-testid=clients-table] tbody tr >> nth=7' },
    { login: 'manager', name: 'clients-empty', path: '/clients?q=Ъхзщ', ready: '[data-testid=clients-table] tbody tr' },
    { login: 'manager', name: 'card', path: '/clients/:vip', ready: '[data-testid=notes-list]' },
    { login: 'manager', name: 'not-built', path: '/programs', ready: '[data-testid=not-built]' },
    { login: 'manager', name: 'no-access', path: '/audit', ready: 'main h1' },
    { login: 'admin', name: 'imports', path: '/imports', ready: '[data-testid=import-history]' },
    { login: 'admin', name: 'audit', path: '/audit', ready: '[data-testid=audit-table] tbody tr' },
    { login: 'admin', name: 'users', path: '/users', ready: '[data-testid=users-table] tbody tr' },
    { login: 'auditor', name: 'roles-auditor', path: '/users', ready: '[data-testid=clearance-table] tbody tr' },
  ]

  it.each(['ru', 'en'] as const)('shows every screen in %s with no untranslated text', async (language) => {
    for (const login of ['manager', 'admin', 'auditor']) {
      const { page, errors } = await openPage()
      await signIn(page, login)
      await setLanguage(page, language === 'ru' ? 'RU' : 'EN')
      for (const screen of SCREENS.filter((s) => s.login === login)) {
        await page.goto(baseUrl + screen.path.replace(':vip', String(fixture.vipClientId)))
        await page.locator(screen.ready).first().waitFor()
        await page.waitForLoadState('networkidle')
        await page.screenshot({ path: `${SHOTS}/${screen.name}-${language}.png`, fullPage: true })
        const text = await visibleText(page)
        expect(text.match(RAW_KEY)?.[0], `${screen.name} in ${language}`).toBeUndefined()
        // The other language's words must not leak in (Cyrillic in English, the English nav in Russian).
        if (language === 'en') expect(await page.getByTestId('navigation').innerText()).not.toMatch(/[а-яё]/i)
        else expect(await page.getByTestId('navigation').innerText()).not.toMatch(/[a-z]{4,}/)
      }
      expect(errors).toEqual([])
      await page.context().close()
    }
  })
})
