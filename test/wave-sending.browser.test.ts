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
const RAW_KEY = /\b(waves|common|errors|channels|contactHistory|clientContacts)\.[a-zA-Z_]+\b/
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
  // Three target members withdrew their e-mail consent: the send skips them, and the history says why.
  await db.kysely.insertInto('consents').values(wave.clientIds.target.slice(1, 4).map((client_id) => ({ client_id, channel: 'email', granted: false, effective_at: '2026-06-01T00:00:00Z', source: 'branch' }))).execute()
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
    // At 50 e-mails a second the 267 take several seconds: the panel moves while they go.
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('идёт отправка')
    await shootScreen(page, { path: `${SHOTS}/sending-ru.png`, rawKey: RAW_KEY })
    await expect.poll(async () => page.getByTestId('wave-send-status').innerText()).toBe('завершена')
    expect(plain(await page.getByTestId('wave-send-sent').innerText())).toBe('267')
    expect(plain(await page.getByTestId('wave-send-skipped').innerText())).toBe('3')
    expect(await page.getByTestId('wave-send').count()).toBe(0)
    await shootScreen(page, { path: `${SHOTS}/finished-ru.png`, rawKey: RAW_KEY })
    expect(sink.messages.length).toBe(267)
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

  it('lists the wave\'s contacts by keyset pages, filtered by state, and downloads them (ru)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language: 'ru' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/selections/waves/${wave.waveId}`)
    const rows = page.getByTestId('contact-history-table').locator('tbody tr')
    await expect.poll(async () => rows.count()).toBe(50)
    expect(plain(await rows.first().innerText())).toMatch(/Иванова Мария Петровна \d+ · WEB-\d+\s+E-mail\s+client\d+@web\.example\s+отправлено/)
    // 270 contacts: six pages of 50, the last of 20; back to the first again.
    for (let n = 2; n <= 6; n++) {
      await page.getByTestId('contact-history-older').click()
      await expect.poll(async () => page.getByTestId('contact-history-page').innerText()).toBe(`Страница ${n}`)
    }
    await expect.poll(async () => rows.count()).toBe(20)
    expect(await page.getByTestId('contact-history-older').isDisabled()).toBe(true)
    await page.getByTestId('contact-history-newer').click()
    await expect.poll(async () => rows.count()).toBe(50)
    await page.getByTestId('contact-history-state').click()
    await page.getByRole('option', { name: 'снято политикой' }).click()
    await expect.poll(async () => rows.count()).toBe(3)
    expect(await page.getByTestId('contact-history-page').innerText()).toBe('Страница 1')
    expect(plain(await rows.first().innerText())).toMatch(/снято политикой\s*· нет согласия/)
    await page.getByTestId('contact-history').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/contact-history-ru.png` })
    await page.getByTestId('contact-history-state').click()
    await page.getByRole('option', { name: 'отправлено' }).click()
    await expect.poll(async () => rows.count()).toBe(50)
    await shootScreen(page, { path: `${SHOTS}/wave-contacts-ru.png`, rawKey: RAW_KEY })
    // The download is the filtered list in Russian, audited.
    await page.getByTestId('contact-history-export').click()
    await page.getByTestId('contact-history-export-xlsx').waitFor()
    await shootScreen(page, { path: `${SHOTS}/wave-contacts-export-ru.png`, rawKey: RAW_KEY })
    expect(await page.getByTestId('contact-history-export-xlsx').getAttribute('href')).toBe(`/api/waves/${wave.waveId}/contacts/export?state=sent&format=xlsx&lang=ru`)
    const href = (await page.getByTestId('contact-history-export-csv').getAttribute('href'))!
    expect(href).toBe(`/api/waves/${wave.waveId}/contacts/export?state=sent&format=csv&lang=ru`)
    const file = await page.request.get(`${baseUrl}${href}`)
    expect(file.status()).toBe(200)
    expect((await file.text()).trim().split('\r\n')).toHaveLength(1 + 267)
    const audit = await db.kysely.selectFrom('audit_events').select('entity_id').where('action', '=', 'contact.export').where('login', '=', 'program_economist').execute()
    expect(audit).toEqual([{ entity_id: String(wave.waveId) }])
    await page.goto(`${baseUrl}/programs/WEB`)
    await expect.poll(async () => page.getByTestId(`wave-progress-status-${wave.waveId}`).innerText()).toBe('завершена')
    expect(plain(await page.getByTestId(`wave-progress-numbers-${wave.waveId}`).innerText())).toBe('отправлено 267 из 270 · снято 3')
    await expect.poll(async () => page.getByTestId('contact-history-table').locator('tbody tr').count()).toBe(50)
    await shootScreen(page, { path: `${SHOTS}/program-contacts-ru.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows the program page each wave\'s sending and the program\'s contacts (en)', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'head', language: 'en' })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/programs/WEB`)
    await expect.poll(async () => page.getByTestId(`wave-progress-status-${wave.waveId}`).innerText()).toBe('finished')
    expect(plain(await page.getByTestId(`wave-progress-numbers-${wave.waveId}`).innerText())).toBe('267 of 270 sent · 3 stopped')
    const rows = page.getByTestId('contact-history-table').locator('tbody tr')
    await expect.poll(async () => rows.count()).toBe(50)
    expect(plain(await rows.first().innerText())).toContain(`#${wave.waveId}`)
    await page.getByTestId('contact-history-channel').click()
    await page.getByRole('option', { name: 'SMS' }).click()
    await expect.poll(async () => page.getByTestId('contact-history').innerText()).toContain('No contacts')
    await page.getByTestId('contact-history-channel').click()
    await page.getByRole('option', { name: 'E-mail' }).click()
    await expect.poll(async () => rows.count()).toBe(50)
    await shootScreen(page, { path: `${SHOTS}/program-contacts-en.png`, rawKey: RAW_KEY })
    await page.getByTestId('program-waves').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/program-waves-en.png` })
    await page.goto(`${baseUrl}/selections/waves/${wave.waveId}`)
    await page.getByTestId('contact-history-state').click()
    await page.getByRole('option', { name: 'stopped by policy' }).click()
    await expect.poll(async () => rows.count()).toBe(3)
    expect(plain(await rows.first().innerText())).toMatch(/stopped by policy\s*· no consent/)
    await page.getByTestId('contact-history').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/contact-history-en.png` })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
