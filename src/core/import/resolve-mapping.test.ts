import { describe, expect, it } from 'vitest'
import { resolveMapping } from './resolve-mapping.ts'

describe('resolveMapping', () => {
  it('uses the suggested mapping when none is given', () => {
    const result = resolveMapping({ kind: 'clients', headers: ['ФИО', 'ИД клиента'] })
    expect(result.ok && result.columns.map((c) => [c.field.name, c.index])).toEqual([
      ['bank_id', 1],
      ['full_name', 0],
    ])
  })

  it('uses an explicit mapping, matching headers loosely', () => {
    const result = resolveMapping({ kind: 'clients', headers: ['Код', 'Имя'], mapping: { bank_id: 'код', full_name: 'Имя' } })
    expect(result.ok && result.columns.map((c) => c.header)).toEqual(['Код', 'Имя'])
  })

  it('names the missing required columns and the columns the file has', () => {
    const result = resolveMapping({ kind: 'holdings', headers: ['ИД клиента', 'Сумма'] })
    expect(result).toEqual({
      ok: false, message: expect.stringContaining('missing required columns: account_no'),
      reasons: [{ code: 'import.missing_columns', fields: 'account_no' }],
    })
    expect(!result.ok && result.message).toContain('The file\'s columns: "ИД клиента", "Сумма"')
  })

  it('refuses a mapping to an unknown field or a column the file lacks', () => {
    const result = resolveMapping({ kind: 'clients', headers: ['id'], mapping: { bank_id: 'id', shoe_size: 'id', phone: 'Тел' } })
    expect(!result.ok && result.message).toMatch(/unknown field "shoe_size".*column "Тел" for phone is not in the file/)
  })
})
