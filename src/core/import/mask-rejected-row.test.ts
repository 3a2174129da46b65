import { describe, expect, it } from 'vitest'
import { rejectedRowMasker } from './mask-rejected-row.ts'

const headers = ['ИД клиента', 'ФИО', 'Телефон', 'Эл. почта', 'Дата рождения', 'Комментарий']
const row = {
  cells: ['C-1', 'Иванов Иван', '8 (912) 345-67-89', 'ivanov@mail.ru', '1980-05-17', 'звонить +7 903 111-22-33 или petrov@ya.ru'],
  reason: 'column "Телефон" (phone) "8 (912) 345-67-89": not a phone; column "Эл. почта" (email) "ivanov@mail.ru": bad',
}

describe('rejectedRowMasker', () => {
  it('masks the personal columns, their quotes in the reason and phones and e-mails anywhere for the analyst', () => {
    const masked = rejectedRowMasker({ role: 'analyst', kind: 'clients', headers })(row)
    expect(masked.cells).toEqual(['C-1', 'Иванов Иван', '8******89', 'i***@***', '1980-05-17', 'звонить +******33 или p***@***'])
    expect(masked.reason).toBe('column "Телефон" (phone) "8******89": not a phone; column "Эл. почта" (email) "i***@***": bad')
    expect(JSON.stringify(masked)).not.toMatch(/345-67|ivanov@|111-22|petrov@/)
  })

  it('masks the quoted cells in the reason codes as well', () => {
    const reasons = [
      { code: 'import.bad_phone', column: 'Телефон', field: 'phone', value: '8 (912) 345-67-89' },
      { code: 'import.bad_date', column: 'Комментарий', field: 'note', value: 'звонить +7 903 111-22-33' },
      { code: 'import.bad_cell_count', cells: 7, header: 6 },
    ]
    const masked = rejectedRowMasker({ role: 'analyst', kind: 'clients', headers })({ ...row, reasons })
    expect(masked.reasons).toEqual([
      { code: 'import.bad_phone', column: 'Телефон', field: 'phone', value: '8******89' },
      { code: 'import.bad_date', column: 'Комментарий', field: 'note', value: 'звонить +******33' },
      { code: 'import.bad_cell_count', cells: 7, header: 6 },
    ])
  })

  it('masks the birth date too for the admin, who sees no personal field', () => {
    const masked = rejectedRowMasker({ role: 'admin', kind: 'clients', headers })(row)
    expect(masked.cells[4]).toBe('****-**-**')
  })

  it('leaves the row as read for a role cleared for every field', () => {
    expect(rejectedRowMasker({ role: 'head', kind: 'clients', headers })(row)).toEqual(row)
  })

  it('masks by shape when the columns are not recognised (a hand mapping, a Berka file)', () => {
    const masked = rejectedRowMasker({ role: 'analyst', kind: 'berka', headers: ['a', 'b'] })({ cells: ['79123456789', 'x@y.ru'], reason: 'bad "79123456789"' })
    expect(masked).toEqual({ cells: ['7******89', 'x***@***'], reason: 'bad "7******89"' })
  })

  it('does not take account numbers or amounts for phones', () => {
    const masked = rejectedRowMasker({ role: 'analyst', kind: 'holdings', headers: ['account_no', 'balance'] })({ cells: ['40817810000000000001', '1 234 567,89'], reason: 'ok' })
    expect(masked.cells).toEqual(['40817810000000000001', '1 234 567,89'])
  })
})
