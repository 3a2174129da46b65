import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { newBrowserContext } from './launch-chromium.ts'

/** A new browser context signed in as the login (password 'pw'), starting in the language; page errors are collected. */
export async function openSignedInPage(input: { browser: Browser; baseUrl: string; login: string; language: 'ru' | 'en' }): Promise<{ page: Page; errors: string[] }> {
  const context = await newBrowserContext(input.browser, { viewport: { width: 1440, height: 900 }, locale: input.language === 'ru' ? 'ru-RU' : 'en-GB' })
  // The language the user starts in; a switch on screen then holds across page loads, as in real use.
  await context.addInitScript((lang) => {
    // Init scripts run in every frame; a sandboxed one (the offer preview's e-mail) has no storage.
    if (window !== window.top) return
    if (!window.localStorage.getItem('otklik.language')) window.localStorage.setItem('otklik.language', lang)
  }, input.language)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(input.baseUrl)
  await page.locator('input[name=login]').fill(input.login)
  await page.locator('input[name=password]').fill('pw')
  await page.keyboard.press('Enter')
  await page.getByTestId('navigation').waitFor()
  return { page, errors }
}

/** A full-page screenshot once the network rests, and no raw translation key on screen. */
export async function shootScreen(page: Page, input: { path: string; rawKey: RegExp }): Promise<void> {
  // A rest of the network makes a tidier picture, not a correct page (the assertions before the shot
  // say that): a sandboxed preview frame in a process of its own can keep Chromium from ever calling
  // the network idle, so the shot is taken after a bounded wait either way.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: input.path, fullPage: true })
  const text = (await page.locator('body').innerText()).replace(/[\u00a0\u202f]/g, ' ')
  expect(text.match(input.rawKey)?.[0], input.path).toBeUndefined()
}
