import { mkdirSync } from 'node:fs'
import argon2 from 'argon2'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoBank } from '../src/app/demo/generate-demo-bank.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { startWebServer } from './start-web-server.ts'

// The churn page on a small demo bank (which builds its churned clients and trains its churn model
// on load): the client economist reads who left and why, the churn by month, the model's AUC and
// calibration chart, in ru and en; the program economist starts the retention program from its template.
const SHOTS = '/tmp/shots/churn'
const RAW_KEY = /\b(churn|common|errors|segments)\.[a-zA-Z_]+\b/
const CLIENTS = 3000

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  await generateDemoBank(db, { clients: CLIENTS, seed: 3, now: new Date() })
  const hash = await argon2.hash('pw')
  await db.kysely.insertInto('users').values([
    { login: 'ce', full_name: 'Экономист Клиентский', role: 'client_economist', branch_id: null, password_hash: hash },
    { login: 'pe', full_name: 'Экономист Программ', role: 'program_economist', branch_id: null, password_hash: hash },
  ]).execute()
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the churn page', () => {
  it.each(['en', 'ru'] as const)('shows the churned clients with reasons, the report and the model (%s)', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'ce', language })
    await page.goto(`${baseUrl}/churn`)
    await page.getByTestId('churn-month-chart').locator('svg').first().waitFor()
    await page.getByTestId('churn-calibration-chart').locator('svg').first().waitFor()
    await page.getByTestId('churned-clients').locator('tbody tr').first().waitFor()
    const reasons = (await page.getByTestId('churn-by-reason').innerText()).replace(/[\u00a0\u202f]/g, ' ')
    expect(reasons).toContain(language === 'ru' ? 'Предложение конкурента' : "Competitor's offer")
    expect(Number((await page.getByTestId('churn-auc').innerText()).replace(',', '.'))).toBeGreaterThan(0.6)
    await page.getByTestId('churn-signal-filter').click()
    await page.getByRole('option', { name: language === 'ru' ? 'Предложение конкурента (заметка отделения)' : "Competitor's offer (branch note)" }).click()
    await expect.poll(async () => (await page.getByTestId('churned-clients').innerText())).toContain(language === 'ru' ? 'Предложение конкурента' : "Competitor's offer")
    await shootScreen(page, { path: `${SHOTS}/churn-${language}.png`, rawKey: RAW_KEY })
    expect(errors).toEqual([])
    await page.context().close()
  }, 120_000)

  it('gives the program economist the retention template: a selection of high-risk, high-value clients and a draft program on it', async () => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'pe', language: 'en' })
    await page.goto(`${baseUrl}/churn`)
    await page.getByTestId('retention-template').click()
    await page.getByRole('button', { name: 'Create selection and draft' }).click()
    await page.waitForURL(/\/programs\/RETAIN-HIGH-RISK$/)
    const program = await db.kysely.selectFrom('programs').select(['goal', 'status', 'selection_id']).where('code', '=', 'RETAIN-HIGH-RISK').executeTakeFirstOrThrow()
    expect(program).toMatchObject({ goal: 'retention', status: 'draft' })
    const selection = await db.kysely.selectFrom('selections').select('rule').where('id', '=', program.selection_id!).executeTakeFirstOrThrow()
    expect(JSON.stringify(selection.rule)).toContain('churn_score')
    // The rule picks someone: the profile reads the demo's churn scores.
    const scored = await db.kysely.selectFrom('client_profile').select((eb) => eb.fn.countAll<string>().as('n')).where('churn_score', 'is not', null).executeTakeFirstOrThrow()
    expect(Number(scored.n)).toBeGreaterThan(CLIENTS / 2)
    expect(errors).toEqual([])
    await page.context().close()
  }, 120_000)
})
