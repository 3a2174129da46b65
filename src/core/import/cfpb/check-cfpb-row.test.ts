import { describe, expect, it } from 'vitest'
import { checkCfpbRow } from './check-cfpb-row.ts'
import { CFPB_FORMAT_FIELDS, CFPB_HEADERS, detectCfpbFormat } from './cfpb-formats.ts'

const OLD_HEADER = CFPB_FORMAT_FIELDS.cfpb14.map((field) => CFPB_HEADERS[field])
const old = detectCfpbFormat(OLD_HEADER)
// The first row of the staged extract, cell by cell.
const FIRST_ROW = ['7/29/2013', 'Consumer Loan', 'Vehicle loan', 'Managing the loan or lease', '', 'Wells Fargo & Company', 'VA', '24540', 'N/A', 'Phone', '7/30/2013', 'Closed with explanation', 'Yes', 'No']
const withCell = (header: string, value: string) => FIRST_ROW.map((cell, i) => (OLD_HEADER[i] === header ? value : cell))

describe('detectCfpbFormat', () => {
  it('tells the exports apart by their headers, in any order', () => {
    expect(old.format).toBe('cfpb14')
    const current = detectCfpbFormat([...Object.values(CFPB_HEADERS)].reverse())
    expect(current.format).toBe('cfpb18')
    expect(current.index.complaint_id).toBe(0)
  })

  it('names the columns a header lacks', () => {
    expect(() => detectCfpbFormat(['Complaint ID', ...OLD_HEADER])).toThrow(/18 columns\): the header lacks Consumer complaint narrative, Company public response, Tags$/)
  })
})

describe('checkCfpbRow', () => {
  it('reads a row of the older export: US dates, N/A as no answer', () => {
    expect(checkCfpbRow(old, FIRST_ROW)).toEqual({
      ok: true,
      complaint: expect.objectContaining({
        receivedOn: '2013-07-29', sentOn: '2013-07-30', subIssue: null, consumerConsent: 'N/A', timely: true, disputed: false,
        complaintId: null, categoryCode: 'loans.car_loan', narrative: null,
      }),
    })
  })

  it.each([
    ['Date received', '13/29/2013', 'import.cfpb_bad_date'],
    ['Date received', '2/29/2015', 'import.cfpb_bad_date'],
    ['Date received', '', 'import.cfpb_blank'],
    ['Company', ' ', 'import.cfpb_blank'],
    ['Product', 'Insurance', 'import.cfpb_unknown_product'],
    ['Timely response?', 'Maybe', 'import.cfpb_bad_yes_no'],
    ['Sub-issue', 'a\u0000b', 'import.cfpb_nul_character'],
  ])('rejects %s "%s" (%s)', (header, value, code) => {
    const check = checkCfpbRow(old, withCell(header, value))
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.reason).toMatchObject({ code, column: header })
  })

  it('accepts a leap day and an ISO date', () => {
    expect(checkCfpbRow(old, withCell('Date received', '2/29/2016'))).toMatchObject({ complaint: { receivedOn: '2016-02-29' } })
    expect(checkCfpbRow(old, withCell('Date received', '2016-02-29'))).toMatchObject({ complaint: { receivedOn: '2016-02-29' } })
  })
})
