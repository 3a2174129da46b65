import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../src/contract/language.ts'
import { PROGRAM_WORDS } from '../src/contract/program-words.ts'
import { ROLES } from '../src/contract/roles.ts'
import { PROGRAM_GOALS, PROGRAM_STATUSES } from '../src/contract/program-schemas.ts'
import { PRE_LAUNCH_ITEMS } from '../src/core/program/pre-launch-checklist.ts'
import en from '../web/src/i18n/en.json' with { type: 'json' }
import ru from '../web/src/i18n/ru.json' with { type: 'json' }

// The CLI and the web name a program's codes with the same words: a status the head reads as
// «Утверждена» on screen is «Утверждена» in `otklik program show` too.
const WEB = { ru, en }

describe('the program words of the CLI', () => {
  it.each(LANGUAGES)('are the web’s words in %s, for every code', (lang) => {
    const web = WEB[lang]
    const words = PROGRAM_WORDS[lang]
    expect(Object.keys(words.statuses)).toEqual([...PROGRAM_STATUSES])
    expect(Object.keys(words.checklist)).toEqual([...PRE_LAUNCH_ITEMS])
    expect(Object.keys(words.goals)).toEqual([...PROGRAM_GOALS])
    expect(Object.keys(words.roles).sort()).toEqual([...ROLES].sort())
    for (const code of PROGRAM_STATUSES) expect(words.statuses[code]).toBe(web.programs.statuses[code])
    for (const item of PRE_LAUNCH_ITEMS) expect(words.checklist[item]).toBe(web.programs.checklist[item])
    for (const goal of PROGRAM_GOALS) expect(words.goals[goal]).toBe(web.programs.goals[goal])
    for (const role of ROLES) expect(words.roles[role]).toBe(web.roles[role])
  })
})
