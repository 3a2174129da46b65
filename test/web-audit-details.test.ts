import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeAuditDetails } from '../web/src/features/audit/describe-audit-details.ts'
import { createFormatters } from '../web/src/i18n/create-formatters.ts'
import en from '../web/src/i18n/en.json' with { type: 'json' }
import ru from '../web/src/i18n/ru.json' with { type: 'json' }

// The auditor reads an event's details in words: names and coded values translated, numbers and
// yes/no as the language writes them, never a JSON object (the details below are what the server
// writes for these actions).
const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({ resources: { ru: { translation: ru }, en: { translation: en } }, lng: 'ru', interpolation: { escapeValue: false } })
})
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

function lines(language: 'ru' | 'en', action: string, details: unknown): string[] {
  const described = describeAuditDetails({ t: i18n.getFixedT(language), format: createFormatters(language), action, details })
  return described.map((line) => plain(`${line.name}: ${line.value}`))
}

describe('describeAuditDetails', () => {
  it('reads a change of a product’s terms before, then after, its rates as percentages with every decimal', () => {
    // As jsonb gives it back: the shorter key first.
    const details = { after: { feeRate: 0.01525, clientRate: 0.27, lifetimeMonths: 24 }, before: { feeRate: null, clientRate: 0.32, lifetimeMonths: 36 }, programs: ['CC-SALARY'] }
    expect(lines('ru', 'product.update', details)).toEqual([
      'Было: Комиссия: —; Ставка клиента: 32 %; Срок жизни, мес.: 36',
      'Стало: Комиссия: 1,525 %; Ставка клиента: 27 %; Срок жизни, мес.: 24',
      'Программы на продукте: CC-SALARY',
    ])
    expect(lines('en', 'product.update', details)[1]).toBe('After: Fee: 1.525%; Client rate: 27%; Lifetime, months: 24')
  })

  it('reads a program naming another offer and an offer retired in words', () => {
    const linked = { changed: ['offerCode'], offerCode: { after: 'CL-B', before: 'CL-A' } }
    expect(lines('ru', 'program.update', linked)).toEqual(['Изменено: Предложение', 'Предложение: Было: CL-A; Стало: CL-B'])
    const retired = { version: 2, comment: 'Ставка изменилась', wasApproved: true }
    expect(lines('en', 'offer.retire', retired)).toEqual(['Version: 2', 'Comment: Ставка изменилась', 'Was approved: yes'])
  })

  it('names an import in words', () => {
    const details = { kind: 'clients', dryRun: true, fileName: 'clients-2026-11.csv' }
    expect(lines('ru', 'import.create', details)).toEqual(['Что загружали: Клиенты', 'Пробный прогон: да', 'Файл: clients-2026-11.csv'])
    expect(lines('en', 'import.create', details)).toEqual(['What was imported: Clients', 'Dry run: yes', 'File: clients-2026-11.csv'])
  })

  it('puts a list read on lines of words, an empty filter as none', () => {
    const details = { page: { sort: 'fullName', limit: 50, order: 'asc', offset: 0 }, shown: 50, total: 12345, filter: {} }
    expect(lines('ru', 'client.list', details)).toEqual([
      'Страница: Сортировка: ФИО; Записей на странице: 50; Порядок: по возрастанию; С записи: 0',
      'Показано: 50',
      'Всего: 12 345',
      'Фильтр: нет',
    ])
    expect(lines('en', 'client.list', { filter: { segment: 'mass_affluent', vip: false, group: 'control' } })).toEqual([
      'Filter: Segment: Mass affluent; VIP: no; Group: control',
    ])
  })

  it('tells a note kind apart from an import kind, and a user change by its fields', () => {
    expect(lines('ru', 'note.create', { noteId: 7, kind: 'life_event' })).toEqual(['Заметка №: 7', 'Вид заметки: Жизненное событие'])
    expect(lines('en', 'user.update', { login: 'k.smirnova', changed: ['fullName', 'password'], role: 'branch', active: true })).toEqual([
      'Login: k.smirnova',
      'Changed: Full name, password',
      'Role: Branch staff',
      'Active: yes',
    ])
  })

  it('nests a policy in brackets and keeps a counted rule as it was', () => {
    const policy = { channelCaps: { sms: { max: 1, days: 7 } }, complaintQuietDays: 30 }
    expect(lines('ru', 'contact_policy.update', policy)).toEqual(['Лимиты по каналам: SMS: (не больше: 1, за дней: 7)', 'Тихий период после жалобы, дней: 30'])
    const rule = { all: [{ field: 'income', op: 'gte', value: 50000 }] }
    expect(lines('en', 'selection.count', { rule, count: 494 })).toEqual([`Rule: ${JSON.stringify(rule)}`, 'Clients: 494'])
  })

  it('has no lines for no details', () => {
    expect(lines('ru', 'auth.login', {})).toEqual([])
    expect(lines('ru', 'auth.login', null)).toEqual([])
  })
})
