import { describe, expect, it } from 'vitest'
import { normalizeHeader } from './normalize-header.ts'
import { suggestMapping } from './suggest-mapping.ts'

describe('normalizeHeader', () => {
  it.each([
    ['Доход, руб.', 'доход'], ['Доход (руб)', 'доход'], ['Доход в рублях', 'доходврублях'], ['Доход, в руб.', 'доход'],
    ['Остаток, ₽', 'остаток'], ['Balance, RUB', 'balance'], ['Ежемесячный доход, рублей', 'ежемесячныйдоход'],
    ['Дата рождения', 'датарождения'], [' ДАТА_РОЖДЕНИЯ ', 'датарождения'], ['Ёмкость', 'емкость'],
    ['Доход, тыс. руб.', 'доходтыс'], ['руб', 'руб'], ['Рубрика', 'рубрика'],
  ])('«%s» → %s', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized)
  })

  it('maps money columns whose headers name roubles, and not those in thousands', () => {
    expect(suggestMapping('clients', ['ИД клиента', 'ФИО', 'Доход, руб.'])).toMatchObject({ monthly_income: 'Доход, руб.' })
    expect(suggestMapping('holdings', ['bank_id', 'Номер счёта', 'Остаток, руб.', 'Лимит (руб)'])).toMatchObject({ balance: 'Остаток, руб.', credit_limit: 'Лимит (руб)' })
    expect(suggestMapping('clients', ['ИД клиента', 'Доход, тыс. руб.']).monthly_income).toBeUndefined()
  })
})
