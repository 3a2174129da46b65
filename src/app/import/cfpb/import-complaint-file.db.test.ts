import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataSet } from '../../../../test/data-sets.ts'
import { openTestDatabase } from '../../../../test/open-test-database.ts'
import { makeTempDir } from '../../../../test/temp-files.ts'
import type { Database } from '../../../db/open-database.ts'
import { listImportRejections } from '../list-import-rejections.ts'
import { importComplaintFile } from './import-complaint-file.ts'

const CFPB_DIR = dataSet('cfpb-complaints')
const OLD_EXPORT = join(CFPB_DIR, 'cfpb_consumer_complaints_3186_2013-2017.csv')
/** A hand-made current export (18 columns): narratives with line breaks and quotes, bad rows, a cut-off last narrative. */
const CURRENT_EXPORT = join(import.meta.dirname, '../../../../test/cfpb/complaints-18-columns.csv')
const user = { id: null, login: 'test' }
const files = makeTempDir('otklik-cfpb-')

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

/** PROVENANCE.md's verified figures, `- Product: Mortgage 921; Credit reporting 638; …`, as name → count. */
function provenanceFigures(label: string): [string, number][] {
  const text = readFileSync(join(CFPB_DIR, 'PROVENANCE.md'), 'utf8')
  const line = new RegExp(`^- ${label.replace(/[?]/g, '\\$&')}: (.+?)\\.?$`, 'm').exec(text)
  if (!line) throw new Error(`PROVENANCE.md has no figures for ${label}`)
  return line[1].split('; ').map((part) => {
    const match = /^(.+) ([\d,]+)$/.exec(part)!
    return [match[1], Number(match[2].replaceAll(',', ''))]
  })
}

/** PROVENANCE.md shortens names ("Wells Fargo", "non-monetary relief"): the stored name it stands for. */
function storedName(short: string, stored: readonly string[]): string {
  if (stored.includes(short)) return short
  const found = stored.filter((name) => name === short || name.startsWith(`${short} `) || name.endsWith(` ${short}`))
  expect(found, short).toHaveLength(1)
  return found[0]
}

async function countBy(column: 'product' | 'company' | 'company_response'): Promise<Map<string, number>> {
  const rows = await sql<{ value: string; n: number }>`
    SELECT ${sql.ref(column)} AS value, count(*)::integer AS n FROM market_complaints GROUP BY 1 ORDER BY 2 DESC, 1
  `.execute(db.kysely)
  return new Map(rows.rows.map((r) => [r.value, r.n]))
}

const storedCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::integer AS n FROM market_complaints`.execute(db.kysely)).rows[0].n)

describe('importComplaintFile', () => {
  it('loads the older 14-column export whole and reproduces PROVENANCE.md by product, company, response, timely and disputed', async () => {
    const outcome = await importComplaintFile(db, { path: OLD_EXPORT, fileName: 'cfpb.csv', dryRun: false, user })
    expect(outcome).toMatchObject({ status: 'done', format: 'cfpb14', rowsRead: 3186, loaded: 3186, rejected: 0, added: 3186 })

    const products = await countBy('product')
    const expectedProducts = provenanceFigures('Product')
    expect(expectedProducts).toHaveLength(6)
    for (const [product, n] of expectedProducts) {
      expect(products.get(product), product).toBe(n)
      expect(outcome.byProduct[product], product).toBe(n)
    }
    const companies = await countBy('company')
    const topCompanies = provenanceFigures('Top companies')
    const top = [...companies].slice(0, topCompanies.length)
    expect(top).toEqual(topCompanies.map(([short, n]) => [storedName(short, [...companies.keys()]), n]))
    const responses = await countBy('company_response')
    for (const [short, n] of provenanceFigures('Response')) expect(responses.get(storedName(short, [...responses.keys()])), short).toBe(n)
    expect([...responses.values()].reduce((a, b) => a + b)).toBe(3186)

    const answers = await sql<{ timely: number; disputed: number; undisputed: number; blank: number }>`
      SELECT count(*) FILTER (WHERE timely)::integer AS timely, count(*) FILTER (WHERE disputed)::integer AS disputed,
        count(*) FILTER (WHERE NOT disputed)::integer AS undisputed, count(*) FILTER (WHERE disputed IS NULL)::integer AS blank
      FROM market_complaints
    `.execute(db.kysely)
    expect(provenanceFigures('Timely response?')).toEqual([['Yes', 3093]])
    expect(provenanceFigures('Consumer disputed?')).toEqual([['No', 2534], ['Yes', 595], ['blank', 57]])
    expect(answers.rows[0]).toEqual({ timely: 3093, disputed: 595, undisputed: 2534, blank: 57 })
  })

  it('adds nothing when the same file is imported again, identical rows included', async () => {
    const again = await importComplaintFile(db, { path: OLD_EXPORT, fileName: 'cfpb.csv', dryRun: false, user })
    expect(again).toMatchObject({ status: 'done', loaded: 3186, rejected: 0, added: 0 })
    expect(await storedCount()).toBe(3186)
    const writtenBy = await sql<{ import_id: number }>`SELECT DISTINCT import_id FROM market_complaints`.execute(db.kysely)
    expect(writtenBy.rows).toEqual([{ import_id: again.id }])
  })

  it('reads the current 18-column export: narratives across lines, every bad row rejected with its line, the cut-off last one too', async () => {
    const outcome = await importComplaintFile(db, { path: CURRENT_EXPORT, fileName: 'current.csv', dryRun: false, user })
    expect(outcome).toMatchObject({ status: 'done', format: 'cfpb18', rowsRead: 10, loaded: 6, rejected: 4, added: 6 })
    expect(outcome.byProduct).toEqual({
      Mortgage: 2,
      'Checking or savings account': 1,
      'Credit reporting, credit repair services, or other personal consumer reports': 1,
      'Credit card or prepaid card': 1,
      'Debt collection': 1,
    })
    const rejections = await listImportRejections(db.kysely, { importId: outcome.id, limit: 10 })
    expect(rejections.map((r) => [r.line, r.reasons?.[0]?.code])).toEqual([
      [9, 'import.cfpb_unknown_product'],
      [11, 'import.cfpb_bad_date'],
      [12, 'import.duplicate_row'],
      [15, 'import.cfpb_cut_off'],
    ])
    expect(rejections[0].reason).toMatch(/^column "Product" "Crypto staking": not a CFPB product .*known: Bank account or service; .*Mortgage;/)
    expect(rejections[1].reasons?.[0]).toEqual({ code: 'import.cfpb_bad_date', column: 'Date received', value: '2023-06-31' })
    expect(rejections[2].reason).toBe('duplicate: Complaint ID "6712006" already appears on line 10 of this file')

    const stored = await sql<{ complaint_id: number; narrative: string | null; category_code: string; disputed: boolean | null; received_on: string; tags: string | null }>`
      SELECT complaint_id, narrative, category_code, disputed, received_on::text AS received_on, tags FROM market_complaints WHERE format = 'cfpb18' ORDER BY complaint_id
    `.execute(db.kysely)
    expect(stored.rows.map((r) => [r.complaint_id, r.category_code])).toEqual([
      [6712001, 'loans.mortgage'],
      [6712002, 'deposits'],
      [6712003, 'credit_history.errors'],
      [6712004, 'fees.interest'],
      [6712006, 'loans.collection'],
      [6712008, 'loans.mortgage'],
    ])
    expect(stored.rows[0]).toMatchObject({
      narrative: 'I sent my payment on time.\nThe servicer says it was late and charged me a "late fee" anyway.\n\nI want the fee refunded.',
      disputed: null, received_on: '2023-03-14',
    })
    expect(stored.rows[2].tags).toBe('Older American, Servicemember')

    const again = await importComplaintFile(db, { path: CURRENT_EXPORT, fileName: 'current.csv', dryRun: false, user })
    expect(again).toMatchObject({ loaded: 6, rejected: 4, added: 0 })
    expect(await storedCount()).toBe(3186 + 6)
  })

  it('fails a file that is neither export, naming the missing columns, and keeps what is stored', async () => {
    const path = files.write('not-cfpb.csv', 'Date received,Product,Company\n2023-01-01,Mortgage,X\n')
    const outcome = await importComplaintFile(db, { path, fileName: 'not-cfpb.csv', dryRun: false, user })
    expect(outcome).toMatchObject({ status: 'failed', loaded: 0, errorReason: { code: 'import.cfpb_bad_header', format: 'cfpb14' } })
    expect(outcome.error).toMatch(/the header lacks Sub-product, Issue, Sub-issue, State, ZIP code/)
    expect(await storedCount()).toBe(3186 + 6)
  })

  it('rehearses a dry run without storing anything', async () => {
    const path = files.write('dry.csv', readFileSync(CURRENT_EXPORT, 'utf8').replaceAll('67120', '99120'))
    const dry = await importComplaintFile(db, { path, fileName: 'dry.csv', dryRun: true, user })
    expect(dry).toMatchObject({ status: 'done', loaded: 6, added: 6 })
    expect(await storedCount()).toBe(3186 + 6)
  })
})
