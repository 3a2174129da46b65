import { describe, expect, it } from 'vitest'
import { parseEnumCell, type EnumCellType } from './parse-enum-cell.ts'

describe('parseEnumCell', () => {
  it.each<[EnumCellType, string, string]>([
    ['gender', 'М', 'M'],
    ['gender', 'жен', 'F'],
    ['gender', 'female', 'F'],
    ['segment', 'Масс-аффлюент', 'mass_affluent'],
    ['segment', 'premium', 'premium'],
    ['client_status', 'ушёл', 'churned'],
    ['channel', 'E-mail', 'email'],
    ['channel', 'СМС', 'sms'],
    ['channel', 'звонок', 'call'],
  ])('%s %j → %s', (type, text, expected) => {
    expect(parseEnumCell(type, text)).toBe(expected)
  })
  it.each<[EnumCellType, string]>([['gender', 'X'], ['segment', 'gold'], ['channel', 'pigeon']])('%s %j is refused', (type, text) => {
    expect(parseEnumCell(type, text)).toBeUndefined()
  })
})
