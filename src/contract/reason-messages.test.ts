import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatReason, PLACEHOLDER, REASON_MESSAGES, reasonTemplate, type MessageTree } from './format-reason.ts'
import { LANGUAGES } from './language.ts'
import { REASON_CODES, REASON_PARAMS, reason, reasonOf, type ReasonCode } from './reason-codes.ts'

// Every reason the server can give reaches the user in words, in both languages: a code without a
// text would show as "import.bad_date" in the Russian UI, the CLI and the rejected rows file.

function leaves(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

const SRC = join(import.meta.dirname, '..')

describe('reason messages', () => {
  it.each(LANGUAGES)('%s has a text for every code, and no text without a code', (lang) => {
    expect(REASON_CODES.filter((code) => reasonTemplate(code, lang) === undefined)).toEqual([])
    expect(leaves(REASON_MESSAGES[lang]).filter((key) => !(REASON_CODES as string[]).includes(key))).toEqual([])
  })

  it.each(LANGUAGES)('%s uses only the parameters its code declares', (lang) => {
    const wrong = REASON_CODES.flatMap((code) => {
      const declared: readonly string[] = REASON_PARAMS[code]
      const used = [...reasonTemplate(code, lang)!.matchAll(PLACEHOLDER)].map((m) => m[1]!)
      return used.filter((name) => !declared.includes(name)).map((name) => `${code}: ${name}`)
    })
    expect(wrong).toEqual([])
  })

  it('knows every reason code written in the server source', () => {
    // `reason('area.rule', …)` and the older `{ code: 'area.rule', … }` in DomainError details.
    const found = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:\breason\(\s*|\bcode:\s*)'([a-z][a-z0-9_]*\.[a-z0-9_.]+)'/g)].map((m) => m[1]!),
    )
    expect(found.length).toBeGreaterThan(5)
    expect([...new Set(found)].filter((code) => !(REASON_CODES as string[]).includes(code))).toEqual([])
  })

  it.each([
    [reason('import.bad_date', { column: 'Дата рождения', field: 'birth_date', value: '31.02.1990' }), 'ru',
      'Столбец «Дата рождения» «31.02.1990»: ожидается дата дд.мм.гггг или гггг-мм-дд.'],
    [reason('user.login_taken', { login: 'k.smirnova' }), 'en', 'The login k.smirnova is taken.'],
    [reason('auth.throttled', { minutes: 15 }), 'ru', 'Слишком много неудачных попыток входа: повторите через 15 мин.'],
    [reason('rule.out_of_range', { path: 'value', min: 0, max: 1000000 }), 'ru', 'Значение должно быть от 0 до 1\u00a0000\u00a0000.'],
    [reason('rule.out_of_range', { path: 'value', min: 0, max: 1000000 }), 'en', 'The value must be between 0 and 1,000,000.'],
    [reason('program.move_not_allowed', { status: 'draft', to: 'approved', allowed: 'proposed, cancelled' }), 'ru',
      'Программу в статусе «Черновик» нельзя перевести в «Утверждена»; можно: На утверждении, Отменена.'],
    [reason('program.checklist_unmet', { items: 'wave_previewed, dates' }), 'ru',
      'Пилот нельзя запустить, пока не выполнен чек-лист; не хватает: Пилотная волна построена, воронка политики просмотрена, Плановые даты заданы.'],
    [reason('program.role_may_not_move', { role: 'analyst', status: 'proposed', to: 'approved', roles: 'head' }), 'en',
      'The role “Analyst” may not move a program from “Proposed” to “Approved”; that is for: Head of department.'],
    [{ code: 'nobody.knows' }, 'ru', 'the server words'],
  ] as const)('formats %o in %s', (given, lang, text) => {
    expect(formatReason(given, lang, 'the server words')).toBe(text)
  })

  it('reads a reason from error details only with a known code', () => {
    expect(reasonOf({ code: 'rule.empty_group', path: 'all' })).toEqual({ code: 'rule.empty_group', path: 'all' })
    expect(reasonOf({ code: 'made.up' })).toBeUndefined()
    expect(reasonOf([{ path: 'x' }])).toBeUndefined()
    expect(reasonOf(undefined)).toBeUndefined()
    const code: ReasonCode = 'auth.sign_in_first'
    expect(reason(code)).toEqual({ code })
  })
})
