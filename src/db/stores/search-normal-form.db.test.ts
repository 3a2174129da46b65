import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankIdKey, searchNameForm } from '../../core/search-normal-form.ts'
import type { Database } from '../open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// The generated columns of migration 0005 and their twins in core/search-normal-form.ts must give
// the same forms, or a typed text would miss the names it should find. Held equal on names and
// ids drawn at random from the letters, separators and digits that occur in a bank's base.

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

const LETTERS = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCXYZabcxyzÉé'
const SEPARATORS = [' ', '  ', '-', '.', '. ', ',', '\t', "'", '«', '»', '(', ')', '/']
const ID_PARTS = ['0', '00', '7', '10', '007', 'C', 'c', '-', 'K', 'ё', '/']

function randomText(random: () => number, parts: readonly string[], length: number): string {
  return Array.from({ length }, () => parts[Math.floor(random() * parts.length)]).join('')
}

function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('search normal forms', () => {
  it('are the same in TypeScript and in the generated columns', async () => {
    const random = seeded(6)
    const letters = [...LETTERS]
    const rows = Array.from({ length: 300 }, (_, i) => ({
      bank_id: `${randomText(random, ID_PARTS, 1 + Math.floor(random() * 6))}#${i}`,
      full_name: Array.from({ length: 1 + Math.floor(random() * 4) }, () => randomText(random, letters, 1 + Math.floor(random() * 8)))
        .map((word) => word + randomText(random, SEPARATORS, 1))
        .join(''),
    }))
    rows.push({ bank_id: 'C-0001', full_name: ' Семёнова  Юлия-Мария Ю.В. ' }, { bank_id: '000', full_name: 'ЁЛКИН Ёж' })
    await db.kysely.insertInto('clients').values(rows).execute()
    const stored = await db.kysely.selectFrom('clients').select(['bank_id', 'full_name', 'search_name', 'bank_id_key']).execute()
    const mismatches = stored.filter((r) => r.search_name !== searchNameForm(r.full_name) || r.bank_id_key !== bankIdKey(r.bank_id))
    expect(mismatches).toEqual([])
    expect(stored.find((r) => r.bank_id === 'C-0001')).toMatchObject({ search_name: 'семенова юлия мария ю в', bank_id_key: 'C-1' })
    expect(stored.find((r) => r.bank_id === '000')).toMatchObject({ search_name: 'елкин еж', bank_id_key: '0' })
  })

  it('follow a name as it changes', async () => {
    await sql`UPDATE clients SET full_name = 'Фёдоров Фёдор' WHERE bank_id = 'C-0001'`.execute(db.kysely)
    const row = await db.kysely.selectFrom('clients').select('search_name').where('bank_id', '=', 'C-0001').executeTakeFirstOrThrow()
    expect(row.search_name).toBe('федоров федор')
  })
})
