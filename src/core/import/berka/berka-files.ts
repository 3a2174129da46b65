import { parseCountCell } from '../parse-count-cell.ts'
import { parseNumberCell } from '../parse-number-cell.ts'
import {
  BERKA_ACCOUNT_PREFIX,
  BERKA_CARD_PRODUCTS,
  berkaBankId,
  berkaBranchCode,
  berkaClientName,
  berkaRegionCode,
} from './berka-codes.ts'
import { decodeBirthNumber } from './decode-birth-number.ts'
import { addMonths, parseBerkaDate } from './parse-berka-date.ts'

// The six Berka (PKDD'99) files an import reads, in loading order, and how each row becomes a
// staging row. Columns not listed (account frequency, district statistics A4–A16, …) are not used.
// Cross-file references (a client's district, a card's disposition) are checked after staging.

export type BerkaStageType = 'integer' | 'text' | 'date' | 'numeric'
export type BerkaValue = string | number | null
export type BerkaRow = { values: BerkaValue[] } | { reason: string }

export type BerkaFileSpec = {
  file: string
  /** The staging table's suffix. */
  part: 'district' | 'client' | 'account' | 'disp' | 'card' | 'loan'
  headers: readonly string[]
  /** Staging columns (besides line and cells); the first is the file's own id. */
  columns: readonly { name: string; type: BerkaStageType }[]
  /** Reads a row; `cell(header)` gives the cell under a header. */
  parse(cell: (header: string) => string): BerkaRow
}

const LOAN_STATUSES = ['A', 'B', 'C', 'D']
const DISPOSITION_TYPES = ['OWNER', 'DISPONENT']

class RowProblems {
  readonly list: string[] = []
  check<T>(header: string, text: string, value: T | undefined, rule: string): T {
    if (value === undefined) this.list.push(`column "${header}" ${JSON.stringify(text.trim())}: ${rule}`)
    return value as T
  }
}

function id(problems: RowProblems, cell: (h: string) => string, header: string): number {
  const text = cell(header)
  const value = /^\d{1,9}$/.test(text.trim()) ? Number(text) : 0
  return problems.check(header, text, value > 0 ? value : undefined, 'expected a whole number id')
}

function date(problems: RowProblems, cell: (h: string) => string, header: string): string {
  const text = cell(header)
  return problems.check(header, text, parseBerkaDate(text), 'expected a date YYMMDD')
}

function oneOf(problems: RowProblems, cell: (h: string) => string, header: string, allowed: readonly string[]): string {
  const text = cell(header).trim()
  return problems.check(header, text, allowed.includes(text) ? text : undefined, `expected one of ${allowed.join(', ')}`)
}

function done(problems: RowProblems, values: BerkaValue[]): BerkaRow {
  return problems.list.length > 0 ? { reason: problems.list.join('; ') } : { values }
}

export const BERKA_FILES: readonly BerkaFileSpec[] = [
  {
    file: 'district.asc',
    part: 'district',
    headers: ['A1', 'A2', 'A3'],
    columns: [
      { name: 'district_id', type: 'integer' },
      { name: 'name', type: 'text' },
      { name: 'region_code', type: 'text' },
      { name: 'region_name', type: 'text' },
      { name: 'branch_code', type: 'text' },
    ],
    parse(cell) {
      const p = new RowProblems()
      const districtId = id(p, cell, 'A1')
      const name = p.check('A2', cell('A2'), cell('A2').trim() || undefined, 'the district name is blank')
      const region = p.check('A3', cell('A3'), cell('A3').trim() || undefined, 'the region name is blank')
      return done(p, [districtId, name, region && berkaRegionCode(region), region, districtId && berkaBranchCode(districtId)])
    },
  },
  {
    file: 'client.asc',
    part: 'client',
    headers: ['client_id', 'birth_number', 'district_id'],
    columns: [
      { name: 'client_id', type: 'integer' },
      { name: 'bank_id', type: 'text' },
      { name: 'full_name', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'gender', type: 'text' },
      { name: 'district_id', type: 'integer' },
    ],
    parse(cell) {
      const p = new RowProblems()
      const clientId = id(p, cell, 'client_id')
      const birth = p.check('birth_number', cell('birth_number'), decodeBirthNumber(cell('birth_number')),
        'not a valid birth number (YYMMDD, with 50 added to the month for women)')
      const districtId = id(p, cell, 'district_id')
      return done(p, [clientId, clientId && berkaBankId(clientId), clientId && berkaClientName(clientId), birth?.birthDate, birth?.gender, districtId])
    },
  },
  {
    file: 'account.asc',
    part: 'account',
    headers: ['account_id', 'date'],
    columns: [
      { name: 'account_id', type: 'integer' },
      { name: 'account_no', type: 'text' },
      { name: 'opened_at', type: 'date' },
    ],
    parse(cell) {
      const p = new RowProblems()
      const accountId = id(p, cell, 'account_id')
      const openedAt = date(p, cell, 'date')
      return done(p, [accountId, `${BERKA_ACCOUNT_PREFIX.account}${accountId}`, openedAt])
    },
  },
  {
    file: 'disp.asc',
    part: 'disp',
    headers: ['disp_id', 'client_id', 'account_id', 'type'],
    columns: [
      { name: 'disp_id', type: 'integer' },
      { name: 'client_id', type: 'integer' },
      { name: 'account_id', type: 'integer' },
      { name: 'type', type: 'text' },
    ],
    parse(cell) {
      const p = new RowProblems()
      return done(p, [id(p, cell, 'disp_id'), id(p, cell, 'client_id'), id(p, cell, 'account_id'), oneOf(p, cell, 'type', DISPOSITION_TYPES)])
    },
  },
  {
    file: 'card.asc',
    part: 'card',
    headers: ['card_id', 'disp_id', 'type', 'issued'],
    columns: [
      { name: 'card_id', type: 'integer' },
      { name: 'account_no', type: 'text' },
      { name: 'disp_id', type: 'integer' },
      { name: 'product_code', type: 'text' },
      { name: 'opened_at', type: 'date' },
    ],
    parse(cell) {
      const p = new RowProblems()
      const cardId = id(p, cell, 'card_id')
      const dispId = id(p, cell, 'disp_id')
      const type = oneOf(p, cell, 'type', Object.keys(BERKA_CARD_PRODUCTS))
      const issued = date(p, cell, 'issued')
      return done(p, [cardId, `${BERKA_ACCOUNT_PREFIX.card}${cardId}`, dispId, type && BERKA_CARD_PRODUCTS[type], issued])
    },
  },
  {
    file: 'loan.asc',
    part: 'loan',
    headers: ['loan_id', 'account_id', 'date', 'amount', 'duration', 'status'],
    columns: [
      { name: 'loan_id', type: 'integer' },
      { name: 'account_no', type: 'text' },
      { name: 'account_id', type: 'integer' },
      { name: 'opened_at', type: 'date' },
      { name: 'closed_at', type: 'date' },
      { name: 'balance', type: 'numeric' },
      { name: 'credit_limit', type: 'numeric' },
    ],
    parse(cell) {
      const p = new RowProblems()
      const loanId = id(p, cell, 'loan_id')
      const accountId = id(p, cell, 'account_id')
      const openedAt = date(p, cell, 'date')
      const amount = p.check('amount', cell('amount'), parseNumberCell(cell('amount'), 12), 'expected an amount')
      const duration = p.check('duration', cell('duration'), parseCountCell(cell('duration')), 'expected months')
      const status = oneOf(p, cell, 'status', LOAN_STATUSES)
      // A and B are finished contracts (B unpaid), C and D run (D in debt). The data set has no
      // outstanding balances: a running or unpaid loan shows its principal, a repaid one 0.
      const finished = status === 'A' || status === 'B'
      const closedAt = finished && openedAt && duration ? addMonths(openedAt, Number(duration)) : null
      return done(p, [loanId, `${BERKA_ACCOUNT_PREFIX.loan}${loanId}`, accountId, openedAt, closedAt, status === 'A' ? '0' : amount, amount])
    },
  },
]
