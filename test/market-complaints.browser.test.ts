import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importComplaintFile } from '../src/app/import/cfpb/import-complaint-file.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { createTestUser } from './build-test-server.ts'
import { dataSet } from './data-sets.ts'
import { launchChromium } from './launch-chromium.ts'
import { openSignedInPage, shootScreen } from './open-signed-in-page.ts'
import { openTestDatabase } from './open-test-database.ts'
import { startWebServer } from './start-web-server.ts'

// Market complaints (issue 10, item 2): the staged CFPB extract loaded, the client economist reads
// its counts and loads the hand-made current export from the page, seeing its rejected rows by
// line; in both languages, screenshots under /tmp/shots/market-complaints/.
const SHOTS = '/tmp/shots/market-complaints'
const CURRENT_EXPORT = join(import.meta.dirname, 'cfpb/complaints-18-columns.csv')

let db: Database
let app: App
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  db = await openTestDatabase()
  await createTestUser(db, 'client_economist')
  const path = dataSet('cfpb-complaints', 'cfpb_consumer_complaints_3186_2013-2017.csv')
  await importComplaintFile(db, { path, fileName: 'cfpb_consumer_complaints_3186_2013-2017.csv', dryRun: false, user: { id: null, login: 'test' } })
  ;({ app, baseUrl } = await startWebServer(db))
  browser = await launchChromium()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await db?.close()
})

describe('the market complaints page', () => {
  it.each(['ru', 'en'] as const)('shows the loaded files\' counts and loads a file with its rejected rows (%s)', async (language) => {
    const { page, errors } = await openSignedInPage({ browser, baseUrl, login: 'client_economist', language })
    await page.goto(`${baseUrl}/market-complaints`)
    await page.getByTestId('market-complaints-months').waitFor()
    const body = () => page.locator('body').innerText().then((text) => text.replace(/[\u00a0\u202f]/g, ' '))
    expect(await body()).toMatch(language === 'ru' ? /Жалоб\s+3 1(86|92)/ : /Complaints\s+3,1(86|92)/)
    expect(await body()).toMatch(language === 'ru' ? /Ипотека\s+92[13]/ : /Mortgage\s+92[13]/)
    await page.getByTestId('complaint-file-upload').waitFor()
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('complaint-file-upload').click()
    await (await chooser).setFiles(CURRENT_EXPORT)
    const result = page.getByTestId('complaint-file-result')
    await result.waitFor()
    expect(await result.innerText()).toMatch(language === 'ru' ? /загружено жалоб 6 \(новых \d\), отклонено 4/ : /loaded 6 complaints \(\d new\), rejected 4/)
    expect(await body()).toMatch(language === 'ru' ? /15\s+Строка 15: кавычка в ячейке не закрыта/ : /15\s+Line 15: a quoted cell is never closed/)
    await shootScreen(page, { path: `${SHOTS}/market-complaints-${language}.png`, rawKey: /marketComplaints\.[a-z]/ })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
