import { mkdirSync } from 'node:fs'
import argon2 from 'argon2'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainWaveUpliftModel } from '../src/app/model/train-wave-uplift-model.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedUpliftWave } from './seed-uplift-wave.ts'
import { startWebServer } from './start-web-server.ts'

// The wave page of a past e-mail wave an uplift model was trained on (test/seed-uplift-wave.ts):
// the program economist reads the model's Qini curve and both normalisations, in ru and en.
const SHOTS = '/tmp/shots/uplift'
const RAW_KEY = /\b(common|errors|waves|reasons)\.[a-zA-Z_]+\b/
const TODAY = '2026-12-03'

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let waveId: number

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  const seeded = await seedUpliftWave(db, { n: 2400, today: TODAY })
  waveId = seeded.waveId
  await trainWaveUpliftModel(db.kysely, { waveId, approach: 'two_model', response: 'visit', today: TODAY, now: new Date(`${TODAY}T10:00:00Z`), actor: { id: null, login: 'cli:economist' } })
  await db.kysely.insertInto('users').values({ login: 'economist', full_name: 'Экономист Программ', role: 'program_economist', branch_id: null, password_hash: await argon2.hash('pw') }).execute()
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the wave page’s uplift model', () => {
  it.each(['en', 'ru'] as const)('shows the Qini curve and both normalisations (%s)', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'economist', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/selections/waves/${waveId}`)
    const panel = page.getByTestId('wave-uplift-model')
    await panel.waitFor()
    await page.getByTestId('wave-qini-chart').locator('svg').first().waitFor()
    const text = (await panel.innerText()).replace(/[\u00a0\u202f]/g, ' ')
    const words = language === 'ru'
      ? ['Модель uplift v1', 'Две модели', 'Визит', 'Qini, откликов (без нормировки)', 'Коэффициент Qini (нормированный)', 'AUUC', 'Идеальная модель', 'Случайный отбор', 'Отрицательный Qini']
      : ['Uplift model v1', 'Two models', 'Visit', 'Qini, responders (raw)', 'Qini coefficient (normalised)', 'AUUC', 'Perfect model', 'Random targeting', 'A Qini below zero']
    // The figures' labels are set in capitals: compared without case.
    for (const word of words) expect(text.toLowerCase()).toContain(word.toLowerCase())
    await panel.scrollIntoViewIfNeeded()
    await shootScreen(page, { path: `${SHOTS}/wave-uplift-${language}.png`, rawKey: RAW_KEY })
    await panel.screenshot({ path: `${SHOTS}/wave-uplift-panel-${language}.png` })
    expect(errors).toEqual([])
    await page.context().close()
  }, 120_000)
})
