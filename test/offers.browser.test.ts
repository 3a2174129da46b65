import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOffer } from '../src/app/offer/create-offer.ts'
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
      ],
    }),
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
    ['ru', 'marketer', 'Сегментов: 1 из 10', 'UCS-2'],
    ['en', 'head', 'Segments: 1 of 10', 'UCS-2'],
  ] as const)('%s, as the %s: the list, the SMS editor with its counter and a preview for a client', async (language, login, segments, encoding) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login, language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/offers`)
    await page.getByTestId('offer-list').getByText('Вклад «Зимний»').click()
    const editor = page.getByTestId('offer-editor')
    await expect.poll(() => editor.innerText(), { timeout: BROWSER_STEP_MS }).toContain('Вклад «Зимний»')
    await expect.poll(() => page.getByTestId('sms-counter').first().innerText(), { timeout: BROWSER_STEP_MS }).toContain(encoding)
    await page.getByTestId('offer-preview').locator('input').fill(String(fixture.vipClientId))
    await page.getByTestId('offer-preview').getByRole('button').click()
    await expect.poll(() => page.getByTestId('offer-preview').innerText(), { timeout: BROWSER_STEP_MS }).toContain('Мария, вклад «Зимний»')
    expect(await page.getByTestId('offer-preview').innerText()).toContain(segments)
    await shootScreen(page, { path: `${SHOTS}/offers-${language}.png`, rawKey: /\boffers\.[a-z]/ })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
