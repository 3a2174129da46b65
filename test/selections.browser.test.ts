import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { launchChromium, newBrowserContext } from './launch-chromium.ts'
import { openTestDatabase } from './open-test-database.ts'
import { seedSelectionFixture } from './seed-selection-fixture.ts'
import { startWebServer } from './start-web-server.ts'

// The Selections area in real Chromium against the real server: the rule builder with its live
// count, saving, the wave preview with the policy funnel, the built wave with its members, and
// the contact policy. Screenshots of every screen in both languages go to /tmp/otklik-shots.
const SHOTS = '/tmp/otklik-shots'
const RAW_KEY = /\b(common|errors|nav|segments|clientStatuses|channels|productTypes|table|clients|selections|waves|contactPolicy)\.[a-zA-Z_]+\b/
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
/** The number on screen as a number: Russian groups digits with (no-break) spaces, English with commas. */
const numberOf = (text: string) => Number(plain(text).replace(/[ ,]/g, ''))

// What the analyst builds in the builder, as the API reads it.
const RULE = {
  all: [
    { field: 'segment', op: 'in', value: ['mass', 'mass_affluent'] },
    { field: 'age', op: 'between', value: [25, 60] },
  ],
}

/** A rule with one condition of every kind the builder edits. */
const richRule = (selectionId: number) => ({
  all: [
    { field: 'product', op: 'holds', value: 'DC_SALARY' },
    { field: 'product_type', op: 'holds_not', value: 'credit_card' },
    { field: 'consent', op: 'has', value: 'sms' },
    { field: 'contacted', op: 'not_within_days', value: 30, channel: 'sms' },
    { field: 'region', op: 'in', value: ['77', '66'] },
    { field: 'income', op: 'gte', value: 50000 },
    { field: 'vip', op: 'is_false' },
    { not: { field: 'open_complaint', op: 'is_true' } },
    { any: [{ field: 'selection', op: 'in', value: selectionId }, { field: 'churn_score', op: 'between', value: [0.2, 0.8] }] },
  ],
})

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  await seedSelectionFixture(db)
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

async function openPage(login: string, language: 'ru' | 'en' = 'ru'): Promise<{ page: Page; errors: string[] }> {
  const context = await newBrowserContext(browser, { viewport: { width: 1440, height: 900 }, locale: language === 'ru' ? 'ru-RU' : 'en-GB' })
  // The language the user starts in; a switch on screen then holds across page loads, as in real use.
  await context.addInitScript((lang) => {
    if (!window.localStorage.getItem('otklik.language')) window.localStorage.setItem('otklik.language', lang)
  }, language)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(baseUrl)
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('pw')
  await page.keyboard.press('Enter')
  await page.getByTestId('navigation').waitFor()
  return { page, errors }
}

async function setLanguage(page: Page, language: 'RU' | 'EN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language, { exact: true }).click()
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
  const text = plain(await page.locator('body').innerText())
  expect(text.match(RAW_KEY)?.[0], name).toBeUndefined()
}

/** The live count once it belongs to the rule on screen. */
async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('live-count')
  await expect.poll(() => count.getAttribute('data-settled')).toBe('true')
  // A count still in flight would flip it back: wait for the network to rest and read again.
  await page.waitForLoadState('networkidle')
  await expect.poll(() => count.getAttribute('data-settled')).toBe('true')
  return numberOf(await count.innerText())
}

/** Picks an option of the open combobox of a field, by typing and choosing with the keyboard. */
async function chooseByKeyboard(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text)
  await page.getByRole('option', { name: text, exact: true }).waitFor()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

async function apiCount(page: Page, rule: unknown): Promise<number> {
  const response = await page.request.post(`${baseUrl}/api/selections/count`, { data: { rule } })
  expect(response.status()).toBe(200)
  return ((await response.json()) as { count: number }).count
}

describe('selections in Chromium', () => {
  let selectionId = 0
  let waveId = 0

  it('builds a rule with the live count, saves it, previews and builds a wave', async () => {
    const { page, errors } = await openPage('analyst')
    await page.getByTestId('navigation').getByText('Выборки').click()
    await page.getByRole('heading', { name: 'Выборки' }).waitFor()
    await expect.poll(() => page.getByTestId('selections-table').innerText()).toContain('Выборок пока нет')
    await shoot(page, 'selections-empty-ru')

    await page.getByTestId('new-selection').click()
    await page.getByRole('heading', { name: 'Новая выборка' }).waitFor()
    await expect(page.getByTestId('live-count-panel').innerText()).resolves.toContain('Добавьте первое условие')
    await shoot(page, 'selection-new-ru')

    // The first condition with the mouse: segment is one of mass and mass affluent.
    await page.getByLabel('Поле').first().click()
    await chooseByKeyboard(page, 'Сегмент')
    const firstRow = page.getByTestId('rule-condition').first()
    await firstRow.getByLabel('Значение').click()
    await page.getByRole('option', { name: 'Массовый', exact: true }).click()
    await page.getByRole('option', { name: 'Масс-аффлюент', exact: true }).click()
    await page.keyboard.press('Escape')
    const oneCondition = await settledCount(page)
    expect(oneCondition).toBe(await apiCount(page, { all: [RULE.all[0]] }))

    // The second from the keyboard alone: the new row's field takes the focus.
    await page.getByTestId('add-condition').first().focus()
    await page.keyboard.press('Enter')
    await chooseByKeyboard(page, 'Возраст')
    const secondRow = page.getByTestId('rule-condition').nth(1)
    await secondRow.getByLabel('Оператор').click()
    await page.getByRole('option', { name: 'от … до' }).click()
    // Unfinished, the rule is not counted: the screen says why instead of showing an error.
    await expect.poll(() => page.getByTestId('live-count-panel').innerText()).toContain('Заполните условия')
    await secondRow.getByLabel('от').fill('25')
    await secondRow.getByLabel('до').fill('60')
    const twoConditions = await settledCount(page)
    expect(twoConditions).toBe(await apiCount(page, RULE))
    expect(twoConditions).toBeLessThan(oneCondition)
    expect(twoConditions).toBeGreaterThan(0)
    const segments = plain(await page.getByTestId('by-segment').innerText())
    expect(segments).toContain('Массовый')
    expect(segments).not.toContain('Премиум')
    await shoot(page, 'selection-builder-ru')

    // The JSON tab shows exactly the rule the API is asked about.
    await page.getByTestId('tab-json').click()
    expect(JSON.parse(await page.getByTestId('rule-json').inputValue())).toEqual(RULE)
    await shoot(page, 'selection-json-ru')
    await page.getByTestId('tab-builder').click()

    await page.getByTestId('selection-name').fill('Массовый сегмент 25–60 лет')
    await page.getByLabel('Описание').fill('Кросс-продажа кредитной карты зарплатным клиентам')
    await page.getByTestId('save-selection').click()
    await page.waitForURL(/\/selections\/\d+$/)
    selectionId = Number(page.url().split('/').pop())
    await page.getByRole('heading', { name: 'Массовый сегмент 25–60 лет' }).waitFor()
    const saved = await db.kysely.selectFrom('selections').select(['name', 'rule']).where('id', '=', selectionId).executeTakeFirstOrThrow()
    expect(saved.rule).toEqual(RULE)

    // Preview: the funnel from the matched clients down to target and control.
    await page.getByTestId('wave-program').fill('XSELL_CC')
    // A fifth in control, so that a few dozen clients leave someone on both sides.
    await page.getByTestId('wave-control-share').fill('20')
    await expect(page.getByTestId('wave-build').isDisabled()).resolves.toBe(true)
    await page.getByTestId('wave-preview').click()
    const funnel = page.getByTestId('preview-funnel')
    await funnel.waitFor()
    const preview = (await (
      await page.request.post(`${baseUrl}/api/waves/preview`, { data: { programCode: 'XSELL_CC', rule: RULE, channel: 'email', controlShare: 0.2, kind: 'pilot', selectionId } })
    ).json()) as { matched: number; target: number; control: number; funnel: { rule: string; removed: number }[] }
    expect(preview.matched).toBe(twoConditions)
    expect(numberOf(await page.getByTestId('preview-funnel-target').innerText())).toBe(preview.target)
    expect(numberOf(await page.getByTestId('preview-funnel-control').innerText())).toBe(preview.control)
    const funnelText = plain(await funnel.innerText())
    expect(funnelText).toContain('Нет согласия на канал')
    expect(funnelText).toContain('Лимит контактов по каналу')
    expect(preview.funnel.find((step) => step.rule === 'channel_cap')!.removed).toBeGreaterThan(0)
    await shoot(page, 'wave-preview-ru')
    await setLanguage(page, 'EN')
    await page.getByText('Contact policy funnel').waitFor()
    await shoot(page, 'wave-preview-en')
    await setLanguage(page, 'RU')

    await page.getByTestId('wave-build').click()
    await page.waitForURL(/\/selections\/waves\/\d+$/)
    waveId = Number(page.url().split('/').pop())
    const wave = (await (await page.request.get(`${baseUrl}/api/waves/${waveId}`)).json()) as { target: number; control: number }
    expect(wave).toMatchObject({ target: preview.target, control: preview.control })
    await expect.poll(async () => numberOf(await page.getByTestId('wave-target').innerText())).toBe(wave.target)
    expect(numberOf(await page.getByTestId('wave-control').innerText())).toBe(wave.control)
    expect(numberOf(await page.getByTestId('wave-matched').innerText())).toBe(preview.matched)
    // The members are the wave's, page by page through the client list.
    // The pager says how many; an empty group says so instead.
    const range = (n: number) => (n === 0 ? 'Нет строк' : `из ${n}`)
    await expect.poll(() => page.getByTestId('pager-range').innerText()).toContain(range(wave.target))
    await shoot(page, 'wave-page-ru')
    await page.getByTestId('members-control').click()
    await expect.poll(() => page.getByTestId('pager-range').innerText()).toContain(range(wave.control))
    await page.getByTestId('export-control').click()
    const href = await page.getByTestId('export-control-csv').getAttribute('href')
    await page.keyboard.press('Escape')
    const file = await page.request.get(`${baseUrl}${href}`)
    expect(file.status()).toBe(200)
    await expect(file.text().then((text) => text.trim().split('\r\n').length - 1)).resolves.toBe(wave.control)
    await setLanguage(page, 'EN')
    await page.getByText('Balance by segment').waitFor()
    await shoot(page, 'wave-page-en')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('builds a pilot on a random sample of the selection, or in chosen branches only', async () => {
    const { page, errors } = await openPage('analyst')
    await page.goto(`${baseUrl}/selections/${selectionId}`)
    await page.getByTestId('wave-program').fill('XSELL_SAMPLE')
    await page.getByTestId('wave-reach').getByText('Случайная выборка', { exact: true }).click()
    // Nothing to preview until the size is set.
    await expect(page.getByTestId('wave-preview').isDisabled()).resolves.toBe(true)
    await page.getByTestId('wave-sample-size').fill('5')
    await page.getByTestId('wave-preview').click()
    await page.getByTestId('preview-funnel').waitFor()
    const target = numberOf(await page.getByTestId('preview-funnel-target').innerText())
    const control = numberOf(await page.getByTestId('preview-funnel-control').innerText())
    expect(target + control).toBe(5)
    await shoot(page, 'wave-sample-ru')
    await setLanguage(page, 'EN')
    await page.getByText('Random sample', { exact: true }).waitFor()
    await shoot(page, 'wave-sample-en')
    await setLanguage(page, 'RU')
    await page.getByTestId('wave-build').click()
    await page.waitForURL(/\/selections\/waves\/\d+$/)
    const built = (await (await page.request.get(`${baseUrl}/api/waves/${page.url().split('/').pop()}`)).json()) as { target: number; control: number; scope: unknown }
    expect(built).toMatchObject({ scope: { sample: { size: 5 } } })
    expect(built.target + built.control).toBe(5)

    // A pilot in one branch: the members are that branch's clients only.
    await page.goto(`${baseUrl}/selections/${selectionId}`)
    await page.getByTestId('wave-program').fill('XSELL_BRANCH')
    await page.getByTestId('wave-reach').getByText('Отделения', { exact: true }).click()
    const branches = (await (await page.request.get(`${baseUrl}/api/branches`)).json()) as { items: { code: string; name: string }[] }
    const branch = branches.items[0]!
    await page.getByTestId('wave-places').click()
    await page.getByRole('option', { name: branch.name, exact: true }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('wave-preview').click()
    await page.getByTestId('preview-funnel').waitFor()
    const scoped = (await (
      await page.request.post(`${baseUrl}/api/waves/preview`, { data: { programCode: 'XSELL_BRANCH', rule: RULE, channel: 'email', controlShare: 0.1, kind: 'pilot', selectionId, scope: { branches: [branch.code] } } })
    ).json()) as { target: number; control: number }
    await expect.poll(async () => numberOf(await page.getByTestId('preview-funnel-target').innerText())).toBe(scoped.target)
    await shoot(page, 'wave-branches-ru')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('points at the condition the server refused, and says when a name is taken', async () => {
    const { page, errors } = await openPage('analyst')
    await page.goto(`${baseUrl}/selections/new`)
    await page.getByTestId('tab-json').click()
    const bad = { all: [{ field: 'segment', op: 'in', value: ['mass'] }, { any: [{ field: 'vip', op: 'is_true' }, { field: 'age', op: 'gte', value: 200 }] }] }
    await page.getByTestId('rule-json').fill(JSON.stringify(bad, null, 2))
    await page.getByTestId('rule-json-apply').click()
    // all[1].any[1].value: the third row, inside the nested group.
    const error = page.getByTestId('count-error')
    await expect.poll(() => error.innerText()).toContain('Значение должно быть от 0 до 130')
    const rows = page.getByTestId('rule-condition')
    await expect(rows.nth(2).getAttribute('data-error')).resolves.toBe('true')
    await expect(rows.nth(0).getAttribute('data-error')).resolves.toBeNull()
    await expect(rows.nth(2).getByTestId('condition-error').innerText()).resolves.toContain('от 0 до 130')
    await shoot(page, 'selection-error-ru')
    await setLanguage(page, 'EN')
    await expect.poll(() => rows.nth(2).getByTestId('condition-error').innerText()).toContain('between 0 and 130')
    await shoot(page, 'selection-error-en')

    await rows.nth(2).getByLabel('Value').fill('60')
    await settledCount(page)
    await page.getByTestId('selection-name').fill('Массовый сегмент 25–60 лет')
    await page.getByTestId('save-selection').click()
    await expect.poll(() => page.locator('body').innerText()).toContain('A selection with this name exists already')

    // A selection that reaches back to itself through another is refused on save, in words.
    const other = await page.request.post(`${baseUrl}/api/selections`, { data: { name: 'Через основную', rule: { field: 'selection', op: 'in', value: selectionId } } })
    const otherId = ((await other.json()) as { id: number }).id
    await page.goto(`${baseUrl}/selections/${selectionId}`)
    await page.getByTestId('tab-json').click()
    await page.getByTestId('rule-json').fill(JSON.stringify({ all: [...RULE.all, { field: 'selection', op: 'in', value: otherId }] }))
    await page.getByTestId('rule-json-apply').click()
    await settledCount(page)
    await page.getByTestId('save-selection').click()
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringContaining('The selection refers to itself.'))
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lets the head change the contact policy, and shows it read-only to the analyst', async () => {
    const { page, errors } = await openPage('head')
    await page.goto(`${baseUrl}/selections?tab=policy`)
    const policy = page.getByTestId('contact-policy')
    // Versions come from a sequence: previews roll back the first one written, so read it, don't assume 1.
    const before = ((await (await page.request.get(`${baseUrl}/api/contact-policy`)).json()) as { version: number }).version
    await expect.poll(() => policy.innerText()).toContain(`версия ${before}`)
    await shoot(page, 'contact-policy-ru')
    await page.getByTestId('edit-policy').click()
    await page.getByLabel('Тихий период после жалобы, дней').fill('45')
    await shoot(page, 'contact-policy-edit-ru')
    await page.getByTestId('save-policy').click()
    await expect.poll(() => policy.innerText()).toContain(`версия ${before + 1}`)
    expect(plain(await policy.innerText())).toContain('Тихий период после жалобы, дней: 45')
    await setLanguage(page, 'EN')
    await shoot(page, 'contact-policy-en')
    await page.context().close()

    const analyst = await openPage('analyst', 'en')
    await analyst.page.goto(`${baseUrl}/selections?tab=policy`)
    await expect.poll(() => analyst.page.getByTestId('contact-policy').innerText()).toContain(`version ${before + 1}`)
    await expect(analyst.page.getByTestId('edit-policy').count()).resolves.toBe(0)
    expect([...errors, ...analyst.errors]).toEqual([])
    await analyst.page.context().close()
  })

  it("lets the program economist set a program's own policy, which the analyst reads", async () => {
    const { page, errors } = await openPage('program_economist')
    await page.goto(`${baseUrl}/selections?tab=policy`)
    const panel = page.getByTestId('program-policy')
    await page.getByTestId('program-policy-code').fill('CALLS')
    await page.getByTestId('program-policy-show').click()
    await panel.getByLabel('Тихий период после жалобы, дней').fill('7')
    await shoot(page, 'program-policy-ru')
    await page.getByTestId('save-program-policy').click()
    await expect.poll(async () => ((await (await page.request.get(`${baseUrl}/api/programs/CALLS/policy`)).json()) as { overrides: object }).overrides).toEqual({ complaintQuietDays: 7 })
    await page.context().close()

    const analyst = await openPage('analyst', 'en')
    await analyst.page.goto(`${baseUrl}/selections?tab=policy`)
    await analyst.page.getByTestId('program-policy-code').fill('CALLS')
    await analyst.page.getByTestId('program-policy-show').click()
    await expect.poll(() => analyst.page.getByTestId('program-policy').getByLabel('Quiet period after a complaint, days').inputValue()).toBe('7')
    await expect(analyst.page.getByTestId('save-program-policy').count()).resolves.toBe(0)
    await shoot(analyst.page, 'program-policy-en')
    expect([...errors, ...analyst.errors]).toEqual([])
    await analyst.page.context().close()
  })

  it.each(['ru', 'en'] as const)('shows the lists, the saved selection and a reader’s view in %s', async (language) => {
    const { page, errors } = await openPage('analyst', language)
    await page.goto(`${baseUrl}/selections`)
    await page.locator('[data-testid=selections-table] tbody tr a').first().waitFor()
    await shoot(page, `selections-list-${language}`)
    await page.goto(`${baseUrl}/selections?tab=waves`)
    await page.locator('[data-testid=waves-table] tbody tr a').first().waitFor()
    await shoot(page, `waves-list-${language}`)
    await page.goto(`${baseUrl}/selections/${selectionId}`)
    await settledCount(page)
    await shoot(page, `selection-saved-${language}`)

    // Every kind of value editor at once: product, product type, consent, recency with a channel,
    // region, money, a flag, a negated condition, a saved selection and a score range.
    await page.goto(`${baseUrl}/selections/new`)
    await page.getByTestId('tab-json').click()
    await page.getByTestId('rule-json').fill(JSON.stringify(richRule(selectionId)))
    await page.getByTestId('rule-json-apply').click()
    const count = await settledCount(page)
    expect(count).toBe(await apiCount(page, richRule(selectionId)))
    await expect(page.getByTestId('rule-condition').count()).resolves.toBe(10)
    await shoot(page, `selection-kinds-${language}`)
    await page.context().close()

    // The marketer reads selections and counts, but neither saves nor builds waves.
    const reader = await openPage('marketer', language)
    await reader.page.goto(`${baseUrl}/selections/${selectionId}`)
    await settledCount(reader.page)
    await expect(reader.page.getByTestId('save-selection').count()).resolves.toBe(0)
    await expect(reader.page.getByTestId('wave-panel').count()).resolves.toBe(0)
    await shoot(reader.page, `selection-reader-${language}`)
    await reader.page.goto(`${baseUrl}/selections/waves/${waveId}`)
    await reader.page.getByTestId('wave-funnel').waitFor()
    // The marketer has no export of client lists (route-access.ts), so no export button either.
    await expect(reader.page.getByTestId('export-target').count()).resolves.toBe(0)
    await shoot(reader.page, `wave-page-reader-${language}`)
    expect([...errors, ...reader.errors]).toEqual([])
    await reader.page.context().close()
  })
})
