import { describe, expect, it } from 'vitest'
import { suggestMapping } from './suggest-mapping.ts'

describe('suggestMapping', () => {
  it('matches Russian headers of a core-banking export', () => {
    const headers = ['ИД клиента', 'ФИО', 'Дата рождения', 'Пол', 'Телефон', 'E-mail', 'Отделение', 'Доход', 'Прочее']
    expect(suggestMapping('clients', headers)).toEqual({
      bank_id: 'ИД клиента',
      full_name: 'ФИО',
      birth_date: 'Дата рождения',
      gender: 'Пол',
      phone: 'Телефон',
      email: 'E-mail',
      branch: 'Отделение',
      monthly_income: 'Доход',
    })
  })

  it('matches field names whatever their case and punctuation, and uses a header once', () => {
    expect(suggestMapping('holdings', ['Bank ID', 'ACCOUNT_NO', 'product', 'Opened At', 'balance'])).toEqual({
      bank_id: 'Bank ID',
      account_no: 'ACCOUNT_NO',
      product: 'product',
      opened_at: 'Opened At',
      balance: 'balance',
    })
    expect(suggestMapping('consents', ['client_id', 'канал', 'согласие', 'дата'])).toEqual({
      bank_id: 'client_id',
      channel: 'канал',
      granted: 'согласие',
      effective_at: 'дата',
    })
  })
})
