import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCallList } from '../src/app/call-centre/build-call-list.ts'
import { recordCallOutcome } from '../src/app/call-centre/record-call-outcome.ts'
import { takeNextCall } from '../src/app/call-centre/take-next-call.ts'
import { recordAppResponse } from '../src/app/lead/record-app-response.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedCallWave } from './seed-call-wave.ts'
import { startWebServer } from './start-web-server.ts'

// The call centre (issue 8, item 5): the operator's workspace — the card, the dial button, the
// script with objections, the outcome in two layers — and the supervisor's board, in both
// languages at 1366×768; and the manager's leads the calls bring (item 6): taken in work, closed
// with the sale or lost; screenshots under /tmp/shots/call-centre/.
const SHOTS = '/tmp/shots/call-centre'

let db: Database
let app: App
let baseUrl: string
let browser: Browser
let freshWave: number

beforeAll(async () => {
  db = await openTestDatabase()
  // Calls all day, so the test does not depend on the hour it runs at (the window has its own tests).
  await db.kysely.insertInto('bank_settings').values({ key: 'contact_hours', value: JSON.stringify({ weekdays: { from: 0, until: 1440 }, weekends: { from: 0, until: 1440 } }) }).execute()
  await createTestUser(db, 'head')
  const economist = { id: await createTestUser(db, 'program_economist'), login: 'program_economist', fullName: 'Экономист', role: 'program_economist' as const, branchId: null }
  await createTestUser(db, 'operator')
  const colleague = { id: await createTestUser(db, 'operator', 'operator2'), login: 'operator2', fullName: 'Петров Игорь Николаевич', role: 'operator' as const, branchId: null }
  // The economist deals the list to operators by name.
  await db.kysely.updateTable('users').set({ full_name: 'Иванова Ольга Сергеевна' }).where('login', '=', 'operator').execute()
  await db.kysely.updateTable('users').set({ full_name: colleague.fullName }).where('login', '=', 'operator2').execute()
  const wave = await seedCallWave(db, { code: 'CARD-X', members: 6 })
  freshWave = (await seedCallWave(db, { code: 'CARD-Y', members: 12 })).waveId
  const now = new Date()
  await buildCallList(db.kysely, { waveId: wave.waveId, operators: [{ login: 'operator', capacity: 4 }], actor: economist, now })
  // A colleague's call already made, so the board has numbers.
  const card = (await takeNextCall(db.kysely, { operator: colleague, now }))!
  await recordCallOutcome(db.kysely, { clientId: card.task.clientId, waveId: card.task.waveId, technical: 'connected', business: 'agreed', callbackAt: null, onlyMe: true, doNotCall: null, note: 'Просит перезвонить после 18:00', operator: colleague, now: new Date(now.getTime() + 150_000) })
  // The agreed client is a VIP of the manager's; two more leads of the manager's branch: a click, and a reply whose follow-up is overdue.
  const branch = (await db.kysely.insertInto('branches').values({ code: 'CC-1', name: 'ЦБУ «Арбат»', region_code: '77' }).returning('id').executeTakeFirstOrThrow()).id
  const manager = await createTestUser(db, 'manager', 'manager', branch)
  await db.kysely.insertInto('products').values({ code: 'CC-100', type: 'credit_card', name: 'Кредитная карта «100 дней»' }).execute()
  await db.kysely.updateTable('clients').set({ personal_manager_id: manager }).where('id', '=', card.task.clientId).execute()
  const others = wave.clientIds.target.filter((id) => id !== card.task.clientId).slice(0, 2)
  await db.kysely.updateTable('clients').set({ branch_id: branch }).where('id', 'in', others).execute()
  await db.kysely.transaction().execute(async (tx) => {
    const base = { programId: wave.programId, waveId: wave.waveId, offerId: null, operatorLogin: null }
    await recordAppResponse(tx, { ...base, clientId: others[0]!, source: 'click', outcome: 'click', eventRef: 'contact:1', at: new Date(now.getTime() - 3_600_000), detail: null })
    await recordAppResponse(tx, { ...base, clientId: others[1]!, source: 'sms', outcome: 'reply', eventRef: 'sms:1', at: new Date(now.getTime() - 86_400_000 * 3), detail: 'Да, интересно. Какой лимит?' })
  })
  await db.kysely.updateTable('leads').set({ status: 'in_work', worked_by_login: 'manager', next_follow_up: '2026-01-15' }).where('client_id', '=', others[1]!).execute()
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the call centre', () => {
  it.each([
    ['ru', 'Позвонить', 'Дозвонились', 'Перезвонить в…', 'Согласен', 'Сохранить и следующий клиент', 'Мне не нужна карта'],
    ['en', 'Dial', 'Connected', 'Call back at…', 'Agreed', 'Save and next client', 'Мне не нужна карта'],
  ] as const)('%s: the operator reads the card, dials, records the outcome in two layers and gets the next client', async (language, dial, connected, callback, agreed, save, objection) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'operator', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/call-centre`)
    const name = page.getByRole('heading', { level: 2 })
    await name.waitFor()
    const first = await name.innerText()
    expect(first).toMatch(/^Смирнов Алексей Игоревич \d+$/)
    expect(await page.getByRole('link', { name: dial }).getAttribute('href')).toMatch(/^tel:\+7912\d{7}$/)
    expect(await page.locator('body').innerText()).toMatch(/7\*{6}\d\d/)
    await page.getByText(`«${objection}»`).click()
    await page.getByRole('button', { name: connected, exact: true }).click()
    await page.getByRole('button', { name: callback }).click()
    // The callback time is typed in the app's language, whatever the browser's: a wrong one is named.
    const callbackAt = page.getByTestId('callback-at')
    await callbackAt.fill(language === 'ru' ? '31.02.2026 14:30' : '12/31/2026 2:30 PM')
    await page.getByText(language === 'ru' ? 'Перезвонить: введите дату и время, например 31.12.2026 14:30' : 'Call back at: type a date and time, e.g. 31 Dec 2026 14:30').waitFor()
    expect(await page.getByRole('button', { name: save }).isDisabled()).toBe(true)
    await callbackAt.fill(language === 'ru' ? '31.12.2026 14:30' : '31 Dec 2026 14:30')
    await expect.poll(async () => page.getByRole('button', { name: save }).isDisabled()).toBe(false)
    expect(await callbackAt.getAttribute('placeholder')).toBe(language === 'ru' ? 'дд.мм.гггг чч:мм' : 'dd Mon yyyy hh:mm')
    await shootScreen(page, { path: `${SHOTS}/workspace-${language}.png`, rawKey: /calls\.[a-z]/ })
    await page.getByRole('button', { name: agreed, exact: true }).click()
    await page.getByRole('button', { name: save }).click()
    await expect.poll(() => name.innerText()).not.toBe(first)
    expect(errors).toEqual([])
  })

  it.each(['ru', 'en'] as const)('%s: the head reads the board', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'head', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/call-centre`)
    await page.getByText('CARD-X ·').first().waitFor()
    await page.getByText('operator2').or(page.getByText('Петров Игорь Николаевич')).first().waitFor()
    await shootScreen(page, { path: `${SHOTS}/board-${language}.png`, rawKey: /calls\.[a-z]/ })
    expect(errors).toEqual([])
  })

  it.each([
    ['ru', 'Создать список обзвона', 'В список обзвона добавлено клиентов: 11'],
    ['en', 'Build call list', 'Added 0 clients'],
  ] as const)('%s: the economist builds the call list of a call wave', async (language, build, result) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'program_economist', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/selections/waves/${freshWave}`)
    const panel = page.getByTestId('wave-call-list')
    // Picked by name, each with the part of the list they take.
    for (const [name, login, capacity] of [['Иванова', 'operator', '5'], ['Петров', 'operator2', '3']] as const) {
      await page.getByTestId('call-operator-pick').fill(name)
      await page.getByRole('option', { name: new RegExp(name) }).click()
      await page.getByTestId(`call-operator-${login}`).locator('input').fill(capacity)
    }
    await page.getByTestId('call-operator-operator2').locator('input').fill('0')
    await panel.getByText(language === 'ru' ? 'Петров Игорь Николаевич: ёмкость — целое число клиентов от 1' : 'Петров Игорь Николаевич: capacity is a whole number of clients from 1').waitFor()
    expect(await panel.getByRole('button', { name: build }).isDisabled()).toBe(true)
    await page.getByTestId('call-operator-operator2').locator('input').fill('3')
    await panel.getByRole('button', { name: build }).click()
    await panel.getByText(result).waitFor()
    if (language === 'ru') expect(await panel.innerText()).toContain('Иванова Ольга Сергеевна: 5 · Петров Игорь Николаевич: 3')
    await shootScreen(page, { path: `${SHOTS}/call-list-${language}.png`, rawKey: /calls\.[a-z]/ })
    expect(errors).toEqual([])
  })

  it.each([
    ['ru', 'Взять в работу', 'В работе', 'Продажа', 'Закрыть продажей', 'Кредитная карта «100 дней» · 150 000,00 ₽', 'просрочен'],
    ['en', 'Take in work', 'In work', 'Lost', 'Close as lost', 'Already has a card elsewhere', 'overdue'],
  ] as const)('%s: the manager takes a lead in work and closes it, the overdue follow-up first', async (language, take, inWork, close, save, closed, overdue) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'manager', language })
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${baseUrl}/leads`)
    const rows = page.getByTestId('leads-table').locator('tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3)
    expect((await rows.first().innerText()).toLowerCase()).toContain(overdue)
    const fresh = rows.filter({ has: page.getByTestId('lead-take') }).first()
    const id = await fresh.getAttribute('data-testid')
    await fresh.getByTestId('lead-take').click()
    const row = page.getByTestId(id!)
    await row.getByText(inWork, { exact: true }).waitFor()
    await row.getByRole('button', { name: close, exact: true }).click()
    const form = page.getByTestId('lead-action-form')
    if (language === 'ru') {
      await form.getByTestId('lead-sale-product').click()
      await page.getByRole('option', { name: 'Кредитная карта «100 дней»' }).click()
      await form.getByTestId('lead-sale-amount').fill('150 000,00')
    } else {
      await form.getByTestId('lead-lost-reason').fill('Already has a card elsewhere')
    }
    await form.getByRole('button', { name: save }).click()
    await row.getByText(closed).waitFor()
    expect(await row.getByRole('link').getAttribute('href')).toMatch(/^\/clients\/\d+$/)
    if (language === 'en') {
      // A note on the overdue lead, with a new follow-up date: it is no longer overdue.
      await rows.first().getByTestId('lead-note-open').click()
      await page.getByTestId('lead-note').fill('Called back, waits for the limit offer')
      const followUp = page.getByTestId('lead-follow-up')
      await followUp.fill('31.12.2030')
      await followUp.press('Tab')
      await page.getByTestId('lead-action-save').click()
      await page.getByText('Note by manager: Called back, waits for the limit offer').waitFor()
      await page.getByText('31 Dec 2030').waitFor()
    }
    await shootScreen(page, { path: `${SHOTS}/leads-${language}.png`, rawKey: /leads\.[a-z]/ })
    // The closed lead on the client's card, with who worked it and the sale.
    await page.goto(`${baseUrl}${await row.getByRole('link').getAttribute('href')}`)
    const panel = page.getByTestId('client-leads')
    await panel.getByText(closed.split(' · ')[0]!).or(panel.getByText(close, { exact: true })).first().waitFor()
    expect(await panel.innerText()).toContain('CARD-X')
    await shootScreen(page, { path: `${SHOTS}/client-leads-${language}.png`, rawKey: /clientLeads\.[a-z]/ })
    expect(errors).toEqual([])
  })
})
