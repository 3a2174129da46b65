import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMPLAINT_CATEGORY_CODES } from '../../../contract/complaint-categories.ts'
import { cfpbCategory, CFPB_PRODUCT_RULES } from './cfpb-category.ts'

describe('cfpbCategory', () => {
  // Rows of the staged extract and of the hand-made current export (test/cfpb/), with the category
  // the mapping in docs/cfpb-mapping.md gives them.
  it.each([
    ['Mortgage', 'FHA mortgage', 'Loan servicing, payments, escrow account', 'loans.mortgage'],
    ['Credit reporting', null, 'Incorrect information on credit report', 'credit_history.errors'],
    ['Credit reporting', null, "Credit reporting company's investigation", 'credit_history'],
    ['Debt collection', 'Medical', "Cont'd attempts collect debt not owed", 'loans.collection'],
    ['Bank account or service', 'Checking account', 'Using a debit or ATM card', 'cards'],
    ['Bank account or service', 'Savings account', 'Account opening, closing, or management', 'deposits'],
    ['Bank account or service', 'Savings account', 'Deposits and withdrawals', 'accounts.operations'],
    ['Credit card', null, 'Late fee', 'fees.commission'],
    ['Credit card', null, 'Billing disputes', 'cards.credit_card'],
    ['Consumer Loan', 'Vehicle loan', 'Managing the loan or lease', 'loans.car_loan'],
    ['Consumer Loan', 'Installment loan', 'Managing the loan or lease', 'loans.terms'],
    ['  mortgage ', null, null, 'loans.mortgage'],
    ['Other financial service', 'Debt settlement', 'Fraud or scam', 'other'],
  ])('%s / %s / %s → %s', (product, subProduct, issue, code) => {
    expect(cfpbCategory({ product, subProduct, issue })).toBe(code)
  })

  it('knows no product that is not a CFPB one', () => {
    expect(cfpbCategory({ product: 'Crypto staking', subProduct: null, issue: null })).toBeUndefined()
  })

  it('maps only to categories of the tree', () => {
    const codes = CFPB_PRODUCT_RULES.flatMap((rule) => [rule.category, ...Object.values(rule.subProducts ?? {}), ...Object.values(rule.issues ?? {})])
    expect(codes.filter((code) => !COMPLAINT_CATEGORY_CODES.includes(code))).toEqual([])
  })

  it('is the mapping docs/cfpb-mapping.md documents', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../docs/cfpb-mapping.md'), 'utf8')
    const rows = [...doc.matchAll(/^\| (.+) \|$/gm)].map((m) => m[1].split(' | ').map((cell) => cell.replaceAll('`', '')))
    const products = rows.filter((cells) => cells.length === 2 && COMPLAINT_CATEGORY_CODES.includes(cells[1]))
    const refinements = rows.filter((cells) => cells.length === 4 && COMPLAINT_CATEGORY_CODES.includes(cells[3]))
    expect(products).toEqual(CFPB_PRODUCT_RULES.map((rule) => [rule.product, rule.category]))
    expect(refinements).toEqual(CFPB_PRODUCT_RULES.flatMap((rule) => [
      ...Object.entries(rule.subProducts ?? {}).map(([name, code]) => [rule.product, 'sub-product', name, code]),
      ...Object.entries(rule.issues ?? {}).map(([name, code]) => [rule.product, 'issue', name, code]),
    ]))
  })
})
