import { describe, expect, it } from 'vitest'
import { transliterate } from './transliterate.ts'

// Expected spellings follow the passport rules (ICAO 9303, Russian order of 2014).
describe('transliterate', () => {
  it.each([
    ['Иванов', 'ivanov'],
    ['Юлия', 'iuliia'],
    ['Щербаков', 'shcherbakov'],
    ['Хабибуллин', 'khabibullin'],
    ['Цветков', 'tsvetkov'],
    ['Соловьёв', 'solovev'],
    ['Андрей', 'andrei'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin)
  })
})
