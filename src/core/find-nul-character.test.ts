import { describe, expect, it } from 'vitest'
import { findNulCharacter } from './find-nul-character.ts'

describe('findNulCharacter', () => {
  it.each([
    [{ login: 'a\0b', password: 'x' }, 'login'],
    [{ rule: { all: [{ field: 'region', op: 'eq', value: 'MSK' }, { field: 'branch', op: 'in', value: ['B1', 'B\0'] }] } }, 'rule.all[1].value[1]'],
    [{ mapping: { 'Ф\0ИО': 'full_name' } }, 'mapping["Ф\\u0000ИО"]'],
    [{ nested: { deep: [[{ x: '\0' }]] } }, 'nested.deep[0][0].x'],
    ['\0', '(value)'],
  ])('finds %j at %s', (value, path) => {
    expect(findNulCharacter(value)).toBe(path)
  })

  it.each([[{ login: 'analyst', n: 1, ok: true, none: null }], [['a', 'b']], ['Иванов'], [42], [undefined]])('finds none in %j', (value) => {
    expect(findNulCharacter(value)).toBeUndefined()
  })
})
