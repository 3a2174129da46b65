import { describe, expect, it } from 'vitest'
import { createRandom } from './create-random.ts'
import { feminineSurname, russianFullName } from './russian-full-name.ts'
import { FEMALE_NAMES, MALE_NAMES } from './russian-names.ts'

describe('feminineSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Ильин', 'Ильина'],
    ['Вишневский', 'Вишневская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Хабибуллин', 'Хабибуллина'],
    ['Шевченко', 'Шевченко'],
    ['Черных', 'Черных'],
  ])('%s → %s', (male, female) => {
    expect(feminineSurname(male)).toBe(female)
  })
})

describe('russianFullName', () => {
  const random = createRandom(1)
  const sample = (gender: 'M' | 'F', birthYear: number, tatar = false) =>
    Array.from({ length: 500 }, () => russianFullName(random, { gender, birthYear, tatar }))

  it.each([
    ['M', /(ич)$/],
    ['F', /(на)$/],
  ] as const)('gives gender %s a patronymic of that gender', (gender, ending) => {
    for (const name of sample(gender, 1980)) {
      expect(name.patronymic).toMatch(ending)
      expect(name.fullName).toBe(`${name.surname} ${name.firstName} ${name.patronymic}`)
    }
  })

  it('gives women the feminine surname and men the masculine', () => {
    expect(sample('F', 1980).every((n) => !/(ов|ев|ин|ский)$/.test(n.surname))).toBe(true)
    expect(sample('M', 1980).every((n) => !/(ова|ева|ина|ская)$/.test(n.surname))).toBe(true)
  })

  it.each([
    [1950, 'young'],
    [2000, 'old'],
  ] as const)('never gives someone born in %i a name of the %s generation', (birthYear, generation) => {
    const excluded = new Set([...MALE_NAMES, ...FEMALE_NAMES].filter((n) => n[1] === generation).map((n) => n[0]))
    for (const name of [...sample('M', birthYear), ...sample('F', birthYear)]) expect(excluded.has(name.firstName)).toBe(false)
  })

  it('uses Tatar names for some clients in Tatarstan only', () => {
    const tatar = sample('M', 1980, true).filter((n) => n.firstName === 'Рустам' || n.surname === 'Сафин').length
    expect(tatar).toBeGreaterThan(0)
    expect(sample('M', 1980, false).filter((n) => n.firstName === 'Рустам').length).toBe(0)
  })
})
