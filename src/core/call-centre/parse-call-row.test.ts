import { describe, expect, it } from 'vitest'
import { callListColumnOf } from './call-list-columns.ts'
import { formatCallTime } from './format-call-time.ts'
import { parseCallRow, parseCallTime } from './parse-call-row.ts'

const zone = { timeZone: 'Europe/Moscow', language: 'ru' as const }

describe('parseCallTime', () => {
  it.each([
    // Moscow is UTC+3 all year: 14:30 there is 11:30Z.
    ['03.12.2026 14:30', Date.parse('2026-12-03T11:30:00Z')],
    ['03.12.2026', Date.parse('2026-12-02T21:00:00Z')],
    ['2026-12-03T14:30:00+05:00', Date.parse('2026-12-03T09:30:00Z')],
    ['31.02.2026 10:00', undefined],
    ['03.12.2026 24:00', undefined],
    ['2026-12-03 14:30', undefined],
    ['завтра', undefined],
  ])('%s', (text, expected) => {
    expect(parseCallTime(text, 'Europe/Moscow')).toBe(expected)
  })
})

describe('parseCallRow', () => {
  it.each([
    ['a connected call', { bank_id: 'C-1', technical: 'connected', business: 'agreed', called_at: '03.12.2026 14:30' }, { kind: 'call', row: { bankId: 'C-1', technical: 'connected', business: 'agreed', calledAt: Date.parse('2026-12-03T11:30:00Z'), callbackAt: null, note: null } }],
    ['codes in any case', { bank_id: 'C-1', technical: 'No_Answer' }, { kind: 'call', row: { bankId: 'C-1', technical: 'no_answer', business: null, calledAt: null, callbackAt: null, note: null } }],
    ['not called', { bank_id: 'C-1', technical: ' ' }, { kind: 'not_called' }],
    ['an unknown technical outcome', { bank_id: 'C-1', technical: 'занято' }, { kind: 'rejected', reason: { code: 'call.import_unknown_outcome', column: 'Технический результат', value: 'занято' } }],
    ['an unknown business outcome', { bank_id: 'C-1', technical: 'connected', business: 'maybe' }, { kind: 'rejected', reason: { code: 'call.import_unknown_outcome', column: 'Результат', value: 'maybe' } }],
    ['a bad callback time', { bank_id: 'C-1', technical: 'connected', business: 'callback', callback_at: '32.12.2026' }, { kind: 'rejected', reason: { code: 'call.import_bad_time', column: 'Перезвонить', value: '32.12.2026' } }],
    ['an old callback time without a callback is ignored', { bank_id: 'C-1', technical: 'connected', business: 'refused', callback_at: 'whatever' }, { kind: 'call', row: { bankId: 'C-1', technical: 'connected', business: 'refused', calledAt: null, callbackAt: null, note: null } }],
  ] as const)('%s', (_name, cells, expected) => {
    expect(parseCallRow(cells, zone)).toEqual(expected)
  })

  it.each([['Номер клиента', 'bank_id'], ['technical outcome', 'technical'], ['note', 'note'], ['Что-то', undefined]])('header %s → %s', (header, key) => {
    expect(callListColumnOf(header)).toBe(key)
  })
})

describe('formatCallTime', () => {
  it.each([
    [Date.parse('2026-12-03T11:30:00Z'), 'Europe/Moscow', '03.12.2026 14:30'],
    [Date.parse('2026-12-31T22:05:00Z'), 'Asia/Yekaterinburg', '01.01.2027 03:05'],
  ])('%d in %s → %s, and back', (at, zone, text) => {
    expect(formatCallTime(at, zone)).toBe(text)
    expect(parseCallTime(text, zone)).toBe(at)
  })
})
