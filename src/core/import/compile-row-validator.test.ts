import { describe, expect, it } from 'vitest'
import { compileRowValidator } from './compile-row-validator.ts'
import { IMPORT_FIELDS } from './import-fields.ts'
import type { ImportReferences } from './import-references.ts'
import { resolveMapping } from './resolve-mapping.ts'

const references: ImportReferences = {
  branches: new Map([['b01', { id: 7, regionCode: '77' }], ['центральный', { id: 7, regionCode: '77' }]]),
  regions: new Map([['77', '77'], ['москва', '77'], ['66', '66']]),
  products: new Map([['dc_salary', 'DC_SALARY']]),
  managers: new Map([['petrova', 3]]),
}

function validator(kind: 'clients' | 'holdings' | 'consents', headers: string[]) {
  const resolved = resolveMapping({ kind, headers })
  if (!resolved.ok) throw new Error(resolved.message)
  return compileRowValidator({ kind, columns: resolved.columns, headerCount: headers.length, references, defaultConsentSource: 'import #5' })
}

function valueOf(kind: 'clients' | 'holdings' | 'consents', values: (string | null)[], field: string) {
  return values[IMPORT_FIELDS[kind].findIndex((f) => f.name === field)]
}

describe('compileRowValidator', () => {
  const headers = ['ИД клиента', 'ФИО', 'Дата рождения', 'Телефон', 'Доход', 'Отделение', 'VIP']
  const check = validator('clients', headers)

  it('reads a Russian export row into staging values, taking the region from the branch', () => {
    const result = check(['C1', ' Иванов Иван ', '01.02.1980', '8 (912) 345-67-89', '1 234,50', 'B01', 'да'])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(valueOf('clients', result.values, 'full_name')).toBe('Иванов Иван')
    expect(valueOf('clients', result.values, 'birth_date')).toBe('1980-02-01')
    expect(valueOf('clients', result.values, 'phone')).toBe('79123456789')
    expect(valueOf('clients', result.values, 'monthly_income')).toBe('1234.50')
    expect(valueOf('clients', result.values, 'branch')).toBe('7')
    expect(valueOf('clients', result.values, 'region')).toBe('77')
    expect(valueOf('clients', result.values, 'vip')).toBe('t')
    expect(result.key).toBe('C1')
    expect(result.blankForNew).toEqual([])
  })

  it('keeps blank cells as null and notes a blank field a new record needs', () => {
    const result = check(['C2', '', '', '', '', '', ''])
    expect(result).toMatchObject({ ok: true, blankForNew: [{ header: 'ФИО', field: 'full_name' }] })
    expect(result.ok && result.values.every((v, i) => i === 0 || v === null)).toBe(true)
  })

  it('names every bad column, its value and the rule', () => {
    const result = check(['C3', 'Петров', '31.02.1980', '12345', 'много', 'B99', 'возможно'])
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason.split('; ')).toEqual([
      'column "Дата рождения" (birth_date) "31.02.1980": expected a date dd.mm.yyyy or yyyy-mm-dd',
      'column "Телефон" (phone) "12345": expected a phone number such as +7 912 345-67-89',
      'column "Доход" (monthly_income) "много": expected a number such as 1 234,56 or 1234.56',
      'column "Отделение" (branch) "B99": unknown branch code',
      'column "VIP" (vip) "возможно": expected yes/no (да/нет, 1/0, true/false)',
    ])
    // The same, as codes with parameters for the reader's language (contract/reason-codes.ts).
    expect(!result.ok && result.reasons).toEqual([
      { code: 'import.bad_date', column: 'Дата рождения', field: 'birth_date', value: '31.02.1980' },
      { code: 'import.bad_phone', column: 'Телефон', field: 'phone', value: '12345' },
      { code: 'import.bad_number', column: 'Доход', field: 'monthly_income', value: 'много' },
      { code: 'import.unknown_branch', column: 'Отделение', field: 'branch', value: 'B99' },
      { code: 'import.bad_boolean', column: 'VIP', field: 'vip', value: 'возможно' },
    ])
  })

  it('refuses a NUL character in any cell, naming the column', () => {
    expect(check(['C5', 'Иванов', '', '', '10\u00000', '', ''])).toEqual({
      ok: false, key: 'C5', reason: 'column "Доход" (monthly_income): contains a NUL character',
      reasons: [{ code: 'import.nul_character', column: 'Доход', field: 'monthly_income' }],
    })
    expect(validator('clients', ['bank_id', 'email'])(['C6', 'a@b.ru\u0000'])).toMatchObject({ ok: false, reason: 'column "email": contains a NUL character' })
  })

  it('names the fields a new record needs that the file has no column for', () => {
    expect(validator('clients', ['bank_id', 'phone'])(['C7', '89120000000'])).toMatchObject({ ok: true, blankForNew: [], missingForNew: ['full_name'] })
    expect(check(['C8', 'Петров', '', '', '', '', ''])).toMatchObject({ ok: true, missingForNew: [] })
  })

  it('refuses a blank required cell and a row of the wrong width', () => {
    expect(check(['', 'Иванов', '', '', '', '', ''])).toEqual({
      ok: false, reason: 'column "ИД клиента" (bank_id): required, the cell is blank',
      reasons: [{ code: 'import.required_blank', column: 'ИД клиента', field: 'bank_id' }],
    })
    expect(check(['C4', 'Иванов'])).toEqual({
      ok: false, reason: 'the row has 2 cells, the header has 7', reasons: [{ code: 'import.bad_cell_count', cells: 2, header: 7 }],
    })
    expect(check(['C4', 'Иванов', '', '', '', '', '', 'extra'])).toMatchObject({ ok: false, reason: 'the row has 8 cells, the header has 7' })
    expect(check(['C4', 'Иванов', '', '', '', '', '', ' ']).ok).toBe(true)
  })

  it('keys holdings by client and account, and consents by client, channel and moment, with a default source', () => {
    const holding = validator('holdings', ['bank_id', 'account_no', 'product'])(['C1', '40817', 'dc_salary'])
    expect(holding).toMatchObject({ ok: true, key: 'C1\u000140817' })
    expect(holding.ok && valueOf('holdings', holding.values, 'product')).toBe('DC_SALARY')
    const consent = validator('consents', ['bank_id', 'channel', 'granted', 'effective_at'])(['C1', 'СМС', 'отказ', '01.03.2024'])
    expect(consent).toMatchObject({ ok: true, key: 'C1\u0001sms\u00012024-03-01T00:00:00.000Z' }) // a time keys as its instant, whatever its offset
    expect(consent.ok && valueOf('consents', consent.values, 'source')).toBe('import #5')
  })
})
