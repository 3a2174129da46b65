import { describe, expect, it } from 'vitest'
import { formOfAddress, splitFullName } from './split-full-name.ts'

describe('splitFullName and formOfAddress', () => {
  it.each([
    ['Петров Иван Сергеевич', { lastName: 'Петров', firstName: 'Иван', patronymic: 'Сергеевич' }, 'Иван Сергеевич'],
    ['Иванова  Мария  Петровна', { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' }, 'Мария Петровна'],
    ['Кузьмина Анна Ильинична', { lastName: 'Кузьмина', firstName: 'Анна', patronymic: 'Ильинична' }, 'Анна Ильинична'],
    ['Алиев Рашид Тофик оглы', { lastName: 'Алиев', firstName: 'Рашид', patronymic: 'Тофик оглы' }, 'Рашид Тофик оглы'],
    // No patronymic: the documented fallback is the full name as the base writes it.
    ['Novák Jan', { lastName: 'Novák', firstName: 'Jan', patronymic: null }, 'Novák Jan'],
    ['Смит Джон Уильям', { lastName: 'Смит', firstName: null, patronymic: null }, 'Смит Джон Уильям'],
    ['Мадонна', { lastName: null, firstName: 'Мадонна', patronymic: null }, 'Мадонна'],
  ])('%s', (fullName, parts, address) => {
    expect(splitFullName(fullName)).toEqual(parts)
    expect(formOfAddress(fullName)).toBe(address)
  })
})
