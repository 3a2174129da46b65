import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { dataSet } from '../../../test/data-sets.ts'
import { multipart } from '../../../test/multipart-body.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// The "Market complaints" page's API: a CFPB export uploaded by the client economist, and the
// analysis of what is loaded (PROVENANCE.md's figures for the staged extract).
const db = await openTestDatabase()
const app = await buildTestServer(db, () => new Date('2026-12-04T09:00:00Z'))
const economist = (await signIn(app, db, 'client_economist')).cookie
const operator = (await signIn(app, db, 'operator')).cookie
const EXTRACT = readFileSync(dataSet('cfpb-complaints', 'cfpb_consumer_complaints_3186_2013-2017.csv'))

afterAll(async () => {
  await app.close()
  await db.close()
})

const upload = (cookie: string, fields: Record<string, string> = {}) => {
  const form = multipart(fields, { name: 'cfpb.csv', content: EXTRACT })
  return app.inject({ method: 'POST', url: '/api/complaint-files', headers: { ...form.headers, cookie }, payload: form.payload })
}

describe('complaint files over HTTP', () => {
  it('loads an upload and answers the import JSON with the complaints by product', async () => {
    const response = await upload(economist, { format: 'cfpb' })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({
      dryRun: false, format: 'cfpb14', loaded: 3186, rejected: 0, added: 3186,
      by_product: { Mortgage: 921, 'Credit reporting': 638, 'Debt collection': 625, 'Bank account or service': 383, 'Credit card': 339, 'Consumer Loan': 159 },
    })
  })

  it('counts what is loaded: products, issues, responses, months, and the shares of timely and disputed answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/complaint-files/analysis', headers: { cookie: economist } })
    expect(response.statusCode).toBe(200)
    const analysis = response.json()
    expect(analysis).toMatchObject({ total: 3186, firstDay: '2013-06-04', lastDay: '2017-02-23', files: [{ fileName: 'cfpb.csv', complaints: 3186 }] })
    expect(analysis.byProduct[0]).toEqual({ key: 'Mortgage', count: 921 })
    expect(analysis.byCompanyResponse[0]).toEqual({ key: 'Closed with explanation', count: 2489 })
    expect(analysis.byIssue[0]).toEqual({ key: 'Incorrect information on credit report', count: 449 })
    expect(analysis.byIssue.reduce((sum: number, i: { count: number }) => sum + i.count, 0) + analysis.otherIssues).toBe(3186)
    expect(analysis.byCategory.find((c: { key: string }) => c.key === 'loans.mortgage')).toEqual({ key: 'loans.mortgage', count: 921 })
    // Every month from June 2013 to February 2017, empty ones as zero.
    expect(analysis.byMonth).toHaveLength(45)
    expect(analysis.byMonth.reduce((sum: number, m: { count: number }) => sum + m.count, 0)).toBe(3186)
    expect(analysis.timely).toEqual({ answered: 3186, yes: 3093, share: 3093 / 3186 })
    expect(analysis.disputed).toEqual({ answered: 3129, yes: 595, share: 595 / 3129 })
  })

  it('refuses an unknown format and the roles that neither load nor read complaint files', async () => {
    const badFormat = await upload(economist, { format: 'xlsx-bank' })
    expect(badFormat.statusCode).toBe(400)
    expect((await upload(operator)).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/complaint-files/analysis', headers: { cookie: operator } })).statusCode).toBe(403)
  })
})
