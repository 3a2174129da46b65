import { describe, expect, it } from 'vitest'
import { parseUtcOffsetCell } from './parse-utc-offset-cell.ts'

describe('parseUtcOffsetCell', () => {
  it.each([
    ['3', '3'], ['+5', '5'], [' UTC+7 ', '7'], ['GMT+10', '10'], ['utc-1', '-1'], ['+03:00', '3'], ['МСК', '3'],
    ['МСК+4', '7'], ['мск -1', '2'], ['0', '0'], ['14', '14'],
  ])('%j is %s hours from UTC', (text, hours) => {
    expect(parseUtcOffsetCell(text)).toBe(hours)
  })

  it.each(['15', '-13', 'UTC+3:30', 'Москва', '3.5', ''])('%j is refused', (text) => {
    expect(parseUtcOffsetCell(text)).toBeUndefined()
  })
})
