import { describe, expect, it } from 'vitest'
import { decodeBirthNumber } from './decode-birth-number.ts'

// Examples from client.asc of the data set (client 1: "706213", a woman born 1970-12-13).
describe('decodeBirthNumber', () => {
  it.each([
    ['706213', { birthDate: '1970-12-13', gender: 'F' }],
    ['450204', { birthDate: '1945-02-04', gender: 'M' }],
    ['406009', { birthDate: '1940-10-09', gender: 'F' }],
    ['561201', { birthDate: '1956-12-01', gender: 'M' }],
    ['"535812"', undefined],
    ['535812', { birthDate: '1953-08-12', gender: 'F' }],
  ])('%s → %j', (text, expected) => {
    expect(decodeBirthNumber(text)).toEqual(expected)
  })

  it.each(['701332', '706313', '700230', '12345', 'abcdef', '7062130'])('%s is not a birth number', (text) => {
    expect(decodeBirthNumber(text)).toBeUndefined()
  })
})
