import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOffer } from '../src/app/offer/create-offer.ts'
import { createProgram } from '../src/app/program/create-program.ts'
import { createOfferBody } from '../src/contract/offer-schemas.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { BROWSER_STEP_MS, launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedWebFixture, type WebFixture } from './seed-web-fixture.ts'
import { startWebServer } from './start-web-server.ts'

// The offers page (issue 8, item 1): the catalogue, the editor with its live SMS counter, and a
// preview for a real client, in both languages at 1366×768; screenshots under /tmp/shots/offers/.
const SHOTS = '/tmp/shots/offers'

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let fixture: WebFixture

beforeAll(async () => {
  db = await openTestDatabase()
  fixture = await seedWebFixture(db)
  await createTestUser(db, 'head')
  const marketerId = await createTestUser(db, 'marketer')
  const marketer = { id: marketerId, login: 'marketer', fullName: 'Test marketer', role: 'marketer' as const, branchId: null }
  await createOffer(db.kysely, {
    actor: marketer,
    body: createOfferBody.parse({
      code: 'TD-WINTER',
      name: 'Вклад «Зимний»',
      product: 'TD_12M',
      rate: 0.125,
      termMonths: 12,
      amount: 50000,
      validFrom: '2026-12-01',
      validUntil: '2027-02-28',
      templates: [
        { channel: 'email', subject: '{{ client.full_name | address_name }}, {{ offer.name }}', bodyHtml: '<p>{{ client.salutation }} {{ client.full_name | address_name }}!</p>', bodyText: '{{ client.salutation }} {{ client.full_name | address_name }}!' },
        { channel: 'sms', bodyText: '{{ client.first_name }}, вклад «Зимний»: {{ offer.rate | percent }} от {{ offer.amount | money }} до {{ offer.valid_until | date }}.' },
        { channel: 'letter', bodyHtml: '<p>{{ client.salutation }} {{ client.full_name | address_name }}!</p><p>Вклад под {{ offer.rate | percent }}.</p>' },
        {
          channel: 'call',
          script: 'Здравствуйте, {{ client.full_name | address_name }}! Вклад «Зимний» под {{ offer.rate | percent }}.',
          objections: [{ objection: 'Дорого', answer: 'Ставка {{ offer.rate | percent }} — выше, чем у большинства банков.' }],
        },
      ],
    }),
  })
  const economist = await createTestUser(db, 'program_economist')
  await createProgram(db.kysely, {
    actor: { id: economist, login: 'program_economist', role: 'program_economist' },
    body: { code: 'TD-KEEP', name: 'Удержание вкладчиков', goal: 'retention', offerCode: 'TD-WINTER', offer: 'Вклад с надбавкой к ставке' },
  })
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the offers page', () => {
  it.each([
    ['ru', 'marketer', 'Сегментов: 1 из 10', 'Дорого'],
    ['en', 'head', 'Segments: 1 of 10', 'Дорого'],
  ] as const)('%s, as the %s: the SMS counter, a client found by search, the e-mail in a sandboxed frame, the call script', async (language, login, segments, objection) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login, language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/offers`)
    await page.getByTestId('offer-list').getByText('Вклад «Зимний»').click()
    const editor = page.getByTestId('offer-editor')
    await expect.poll(() => editor.innerText(), { timeout: BROWSER_STEP_MS }).toContain('Вклад «Зимний»')
    await expect.poll(() => page.getByTestId('sms-counter').first().innerText(), { timeout: BROWSER_STEP_MS }).toContain('UCS-2')
    // The client is found by name, not typed in as an id.
    await page.getByTestId('preview-client').fill('Иванова')
    await page.getByRole('option', { name: /Иванова Мария Петровна/ }).click()
    const preview = page.getByTestId('offer-preview')
    await preview.getByTestId('preview-show').click()
    await expect.poll(() => preview.innerText(), { timeout: BROWSER_STEP_MS }).toContain('Мария, вклад «Зимний»')
    expect(await preview.innerText()).toContain(segments)

    await editor.getByRole('tab', { name: 'E-mail' }).click()
    await preview.getByTestId('preview-show').click()
    const frame = preview.getByTestId('preview-frame')
    await expect.poll(() => frame.getAttribute('sandbox'), { timeout: BROWSER_STEP_MS }).toBe('')
    await expect.poll(() => page.frameLocator('[data-testid=preview-frame]').locator('body').innerText(), { timeout: BROWSER_STEP_MS }).toContain('Мария Петровна!')
    // The full-page shot leaves the sandboxed frame (another process) blank: the preview is shot on its own.
    await preview.screenshot({ path: `${SHOTS}/offers-email-preview-${language}.png` })
    await shootScreen(page, { path: `${SHOTS}/offers-email-${language}.png`, rawKey: /\boffers\.[a-z]/ })

    await editor.getByRole('tab', { name: language === 'ru' ? 'Звонок' : 'Call' }).click()
    await expect.poll(() => editor.getByTestId('call-objections').locator('input').first().inputValue(), { timeout: BROWSER_STEP_MS }).toBe(objection)
    await preview.getByTestId('preview-show').click()
    await expect.poll(() => preview.getByTestId('preview-call-script').innerText(), { timeout: BROWSER_STEP_MS }).toContain('«Дорого»')

    await editor.getByRole('tab', { name: language === 'ru' ? 'Письмо' : 'Letter' }).click()
    const pdf = await preview.getByTestId('preview-pdf').getAttribute('href')
    expect(pdf).toBe(`/api/offers/TD-WINTER/preview.pdf?channel=letter&clientId=${fixture.vipClientId}`)
    const letter = await page.request.get(`${baseUrl}${pdf}`)
    expect([letter.status(), letter.headers()['content-type']]).toEqual([200, 'application/pdf'])
    await editor.getByRole('tab', { name: language === 'ru' ? 'Звонок' : 'Call' }).click()
    await shootScreen(page, { path: `${SHOTS}/offers-call-${language}.png`, rawKey: /\boffers\.[a-z]/ })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it.each(['ru', 'en'] as const)('%s: the program page shows its offer and whether it is approved, and the form picks one', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/programs/TD-KEEP`)
    const line = page.getByTestId('program-offer')
    await expect.poll(() => line.innerText(), { timeout: BROWSER_STEP_MS }).toContain('Вклад «Зимний»')
    expect(await line.innerText()).toContain(language === 'ru' ? 'Черновик' : 'Draft')
    expect(await page.getByTestId('program-offer-unsendable').count()).toBe(1)
    await shootScreen(page, { path: `${SHOTS}/program-offer-${language}.png`, rawKey: /\bprograms\.[a-z]/ })
    await page.getByTestId('edit-plan').click()
    await page.getByTestId('field-offerCode').click()
    await expect.poll(() => page.getByRole('option', { name: /TD-WINTER/ }).innerText(), { timeout: BROWSER_STEP_MS }).toContain(language === 'ru' ? 'Черновик' : 'Draft')
    await shootScreen(page, { path: `${SHOTS}/program-offer-form-${language}.png`, rawKey: /\bprograms\.[a-z]/ })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
