import { describe, expect, it } from 'vitest'
import { parseCallReason } from './parse-call-reason.ts'

describe('parseCallReason', () => {
  it.each([
    ['card', 'card'], ['Карта', 'card'], ['Перевыпуск карты', 'card'], ['Мобильный банк', 'remote_banking'], ['  Счёт ', 'account'],
    // A reason of the bank's own taxonomy is kept as written.
    ['Вопрос по бонусной программе', 'Вопрос по бонусной программе'],
  ])('%j → %j', (text, stored) => {
    expect(parseCallReason(text)).toBe(stored)
  })
  it('refuses a reason longer than 100 characters', () => {
    expect(parseCallReason('я'.repeat(101))).toBeUndefined()
  })
})
