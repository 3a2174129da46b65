import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../src/config.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { signIn } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedSendWave, type SeededSendWave } from './seed-send-wave.ts'
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts'
import { startWebServer } from './start-web-server.ts'

// The wave page in real Chromium: the program economist sends an e-mail wave (a pg-boss job, a real
// SMTP server) and watches it finish; the numbers read the same in Russian and English.
const SHOTS = '/tmp/shots/wave-sending'
const RAW_KEY = /\b(waves|common|errors|channels)\.[a-zA-Z_]+\b/
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let sink: SmtpSink
let wave: SeededSendWave

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  sink = await startSmtpSink()
  const config = readConfig({ SMTP_URL: sink.url, SMTP_TRACKING_URL: sink.trackingUrl, SMTP_RATE: '50' })
  ;({ app, baseUrl } = await startWebServer(db, { sending: { channels: config.channels, publicUrl: 'https://bank.example' } }))
  await signIn(app, db, 'program_economist')
  await signIn(app, db, 'head')
  wave = await seedSendWave(db, { code: 'WEB', members: 300, channel: 'email' })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await sink?.close()
  await db?.close()
})

describe('the wave page\'s sending panel', () => {
  it('sends the wave and shows its progress live until it is finished (ru)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language: 'ru' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/selections/waves/${wave.waveId}`)
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('не начата')
    await page.getByTestId('wave-send').click()
    // At 50 e-mails a second the 270 take several seconds: the panel moves while they go.
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('идёт отправка')
    await shootScreen(page, { path: `${SHOTS}/sending-ru.png`, rawKey: RAW_KEY })
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('завершена')
    expect(plain(await page.getByTestId('wave-send-sent').innerText())).toBe('270')
    expect(await page.getByTestId('wave-send').count()).toBe(0)
    await shootScreen(page, { path: `${SHOTS}/finished-ru.png`, rawKey: RAW_KEY })
    expect(sink.messages.length).toBe(270)
    // The client's card shows the contact, its program and wave, and that it was sent.
    await page.goto(`${baseUrl}/clients/${wave.clientIds.target[0]}`)
    await expect.poll(async () => plain(await page.getByTestId('client-contacts').innerText())).toMatch(/E-mail\s+WEB · № 1\s+отправлено/)
    await page.getByTestId('client-contacts').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/client-contacts-ru.png` })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows the head the finished wave without a send button (en)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'head', language: 'en' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/selections/waves/${wave.waveId}`)
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('finished')
    expect(await page.getByTestId('wave-send').count()).toBe(0)
    expect(plain(await page.getByTestId('wave-sending').innerText())).toContain('Offer WEB-OFFER, version 1')
    await shootScreen(page, { path: `${SHOTS}/finished-en.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
