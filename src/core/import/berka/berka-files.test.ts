import { describe, expect, it } from 'vitest'
import { BERKA_FILES } from './berka-files.ts'

function parse(file: string, row: Record<string, string>) {
  const spec = BERKA_FILES.find((f) => f.file === file)!
  return spec.parse((header) => row[header] ?? '')
}

// Rows as they appear in the data set's files.
describe('BERKA_FILES', () => {
  it('reads a district into its region and branch', () => {
    expect(parse('district.asc', { A1: '2', A2: 'Benesov', A3: 'central Bohemia' })).toEqual({
      values: [2, 'Benesov', 'CZ-CENTRAL-BOHEMIA', 'central Bohemia', 'CZ-D02'],
    })
  })

  it('reads a client with the birth date and gender of the birth number', () => {
    expect(parse('client.asc', { client_id: '1', birth_number: '706213', district_id: '18' })).toEqual({
      values: [1, 'B1', 'Berka client 1', '1970-12-13', 'F', 18],
    })
    expect(parse('client.asc', { client_id: '7', birth_number: '701332', district_id: 'x' })).toEqual({
      reason: 'column "birth_number" "701332": not a valid birth number (YYMMDD, with 50 added to the month for women); ' +
        'column "district_id" "x": expected a whole number id',
    })
  })

  it('reads cards and loans into holdings', () => {
    expect(parse('card.asc', { card_id: '1005', disp_id: '9285', type: 'classic', issued: '931107 00:00:00' })).toEqual({
      values: [1005, 'K1005', 9285, 'BERKA_CARD_CLASSIC', '1993-11-07'],
    })
    expect(parse('loan.asc', { loan_id: '5314', account_id: '1787', date: '930705', amount: '96396', duration: '12', status: 'B' })).toEqual({
      values: [5314, 'L5314', 1787, '1993-07-05', '1994-07-05', '96396', '96396'],
    })
    expect(parse('loan.asc', { loan_id: '5316', account_id: '1801', date: '930711', amount: '165960', duration: '36', status: 'A' })).toMatchObject({
      values: [5316, 'L5316', 1801, '1993-07-11', '1996-07-11', '0', '165960'],
    })
    expect(parse('loan.asc', { loan_id: '6', account_id: '1', date: '930711', amount: '1', duration: '36', status: 'C' })).toMatchObject({
      values: [6, 'L6', 1, '1993-07-11', null, '1', '1'],
    })
  })

  it('refuses unknown codes', () => {
    expect(parse('disp.asc', { disp_id: '1', client_id: '1', account_id: '1', type: 'USER' })).toEqual({
      reason: 'column "type" "USER": expected one of OWNER, DISPONENT',
    })
  })
})
