import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { reason } from '../src/contract/reason-codes.ts'
import { ApiError } from '../web/src/api/api-error.ts'
import { describeError } from '../web/src/components/describe-error.ts'
import { REASON_MESSAGES } from '../src/contract/format-reason.ts'
import en from '../web/src/i18n/en.json' with { type: 'json' }
import ru from '../web/src/i18n/ru.json' with { type: 'json' }

// The web names a server error by its reason code, never by matching the English message.
const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    resources: { ru: { translation: { ...ru, reasons: REASON_MESSAGES.ru } }, en: { translation: { ...en, reasons: REASON_MESSAGES.en } } },
    lng: 'ru',
    interpolation: { escapeValue: false },
  })
})

describe('describeError', () => {
  it.each([
    ['ru', 'Логин k.smirnova уже занят.'],
    ['en', 'The login k.smirnova is taken.'],
  ])('translates a reason code in %s', async (lang, text) => {
    const t = i18n.getFixedT(lang)
    const error = new ApiError(409, 'conflict', 'The login k.smirnova is taken', reason('user.login_taken', { login: 'k.smirnova' }))
    expect(describeError(t, error).detail).toBe(text)
  })

  it('names a role in words', () => {
    const error = new ApiError(403, 'forbidden', 'The role auditor may not do this', reason('auth.role_forbidden', { role: 'auditor' }))
    expect(describeError(i18n.getFixedT('ru'), error).detail).toBe(`Роли «${ru.roles.auditor}» это действие недоступно.`)
  })

  it.each([
    ['ru', reason('program.checklist_unmet', { items: 'wave_previewed, dates' }), 'Пилот нельзя запустить, пока не выполнен чек-лист; не хватает: Пилотная волна построена, воронка политики просмотрена, Плановые даты заданы.'],
    ['ru', reason('program.move_not_allowed', { status: 'draft', to: 'approved', allowed: 'proposed, cancelled' }), 'Программу в статусе «Черновик» нельзя перевести в «Утверждена»; можно: На утверждении, Отменена.'],
    ['en', reason('program.role_may_not_move', { role: 'program_economist', status: 'proposed', to: 'approved', roles: 'head' }), 'The role “Program economist” may not move a program from “Proposed” to “Approved”; that is for: Head of department.'],
    ['en', reason('program.move_not_allowed', { status: 'closed', to: 'draft', allowed: 'none' }), 'A program in status “Closed” cannot move to “Draft”; allowed: none.'],
  ] as const)('names the statuses, roles and checklist items of a program move in %s', (lang, given, text) => {
    const error = new ApiError(409, 'conflict', 'refused', given)
    expect(describeError(i18n.getFixedT(lang), error).detail).toBe(text)
  })

  it.each([
    ['ru', 'Значение должно быть от 18 до 1\u00a0000\u00a0000.'],
    ['en', 'The value must be between 18 and 1,000,000.'],
  ])('writes amounts the %s way', (lang, text) => {
    const error = new ApiError(400, 'invalid_input', 'all[1].value: must be between 18 and 1000000', reason('rule.out_of_range', { path: 'all[1].value', min: 18, max: 1_000_000 }))
    expect(describeError(i18n.getFixedT(lang), error).detail).toBe(text)
  })

  it('shows the server words only for an answer without a known code', () => {
    const error = new ApiError(400, 'invalid_input', 'something new', { code: 'not.yet.known' })
    expect(describeError(i18n.getFixedT('ru'), error)).toEqual({ title: ru.errors.invalid_input, detail: 'something new' })
  })
})
