import { describe, expect, it } from 'vitest'
import { findPlace, indexImportReferences } from './index-import-references.ts'

const references = indexImportReferences({
  regions: [{ code: '54', name: 'Новосибирская область' }, { code: '16', name: 'Республика Татарстан' }, { code: 'NSK', name: 'Новосибирск' }],
  branches: [
    { id: 1, code: 'B01', name: 'ЦБУ «Центральный»', regionCode: '54' },
    { id: 2, code: 'Центральный', name: 'Левобережный', regionCode: '54' },
    { id: 3, code: 'B03', name: 'Отделение «Волга»', regionCode: '16' },
    { id: 4, code: 'B04', name: 'ЦБУ Волга', regionCode: '16' },
  ],
  products: ['DC'],
  managers: [],
})

describe('indexImportReferences', () => {
  it.each([
    ['54', '54'], ['Новосибирская обл.', '54'], ['НОВОСИБИРСКАЯ ОБЛАСТЬ', '54'], ['Респ. Татарстан', '16'], ['Татарстан', '16'],
    ['nsk', 'NSK'], ['г. Новосибирск', 'NSK'], ['Самарская обл.', undefined], ['', undefined],
  ])('finds the region «%s» as %s', (text, code) => {
    expect(findPlace(references.regions, text, 'region')).toBe(code)
  })

  it('lets a code win over another branch\'s name, and finds neither of two branches that share a name', () => {
    expect(findPlace(references.branches, 'Центральный', 'branch')?.id).toBe(2)
    expect(findPlace(references.branches, 'цбу "Центральный"', 'branch')?.id).toBe(1)
    expect(findPlace(references.branches, 'Волга', 'branch')).toBeUndefined()
    expect(findPlace(references.branches, 'Отделение «Волга»', 'branch')?.id).toBe(3)
  })
})
