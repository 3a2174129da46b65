import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPlace, indexImportReferences } from '../../core/import/index-import-references.ts'
import type { ImportReferences } from '../../core/import/import-references.ts'
import { placeNameKey } from '../../core/import/place-name-key.ts'
import type { Database } from '../open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { loadImportCatalogues } from './import-reference-store.ts'

let db: Database
let references: ImportReferences
let subjects: { code: string; name: string }[]
beforeAll(async () => {
  db = await openTestDatabase()
  const catalogues = await loadImportCatalogues(db.kysely)
  subjects = [...catalogues.regions]
  references = indexImportReferences(catalogues)
})
afterAll(async () => {
  await db.close()
})

/** How a bank's export abbreviates an official name. */
function abbreviated(name: string): string {
  return name.replace('область', 'обл.').replace('Республика', 'Респ.').replace('край', 'кр.').replace('автономный округ', 'АО')
}

describe('the federal subjects as an import finds them', () => {
  it('tells every subject apart and finds it by its code, its name and its name as exports abbreviate it', () => {
    expect(new Set(subjects.map((s) => placeNameKey(s.name, 'region'))).size).toBe(subjects.length)
    for (const { code, name } of subjects) {
      expect(findPlace(references.regions, code, 'region'), code).toBe(code)
      expect(findPlace(references.regions, name, 'region'), name).toBe(code)
      expect(findPlace(references.regions, abbreviated(name), 'region'), abbreviated(name)).toBe(code)
    }
  })

  it.each([
    ['Новосибирская обл.', '54'], ['г. Москва', '77'], ['Респ. Татарстан', '16'], ['ХМАО - Югра', '86'], ['Якутия', '14'],
    ['Кемеровская обл.', '42'], ['г. Санкт-Петербург', '78'], ['Чувашия', '21'], ['Московская обл.', '50'], ['Удмуртская Респ.', '18'],
    ['Северная Осетия', '15'], ['Еврейская АО', '79'], ['г. Севастополь', '92'], ['Респ. Крым', '91'],
  ])('«%s» is %s', (text, code) => {
    expect(findPlace(references.regions, text, 'region')).toBe(code)
  })
})
