import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../src/contract/audit-actions.ts'
import { PERSONAL_FIELDS } from '../src/contract/personal-fields.ts'
import { PROGRAM_GOALS, PROGRAM_STATUSES } from '../src/contract/program-schemas.ts'
import { TORNADO_DRIVERS } from '../src/core/program/build-tornado.ts'
import { PRE_LAUNCH_ITEMS } from '../src/core/program/pre-launch-checklist.ts'
import { PROGRAM_MOVES } from '../src/core/program/program-moves.ts'
import { IMPORT_FIELDS } from '../src/core/import/import-fields.ts'
import { NOTE_KINDS } from '../src/contract/note-kinds.ts'
import { ROLES } from '../src/contract/roles.ts'
import { POLICY_STEPS } from '../src/contract/contact-policy.ts'
import { CHANNELS } from '../src/contract/channels.ts'
import { CLIENT_STATUSES } from '../src/contract/client-statuses.ts'
import { PRODUCT_TYPES } from '../src/contract/product-types.ts'
import { RULE_FIELDS } from '../src/core/selection/rule-catalogue.ts'
import { SEGMENTS } from '../src/contract/segments.ts'
import { REQUEST_CATEGORIES } from '../src/contract/request-categories.ts'
import { PRODUCT_IDEA_STATUSES } from '../src/contract/product-idea-statuses.ts'
import { IT_TASK_KINDS, IT_TASK_STATUSES } from '../src/contract/it-task-statuses.ts'
import { AREA_SECTIONS } from '../web/src/app/navigation.ts'
import { IMPORT_KINDS } from '../web/src/features/imports/import-types.ts'
import en from '../web/src/i18n/en.json' with { type: 'json' }
import ru from '../web/src/i18n/ru.json' with { type: 'json' }
import { COMPLAINT_CATEGORY_CODES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from '../src/contract/complaint-categories.ts'
import { COMPLAINT_ROOT_CAUSES, COMPLAINT_STATUSES } from '../src/contract/complaint-statuses.ts'

// Every visible string of the web UI exists in both languages: a missing key would show as
// "clients.columns.phone" on screen, or fall back to the other language.

type Tree = { [key: string]: Tree | string | string[] }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

const ruKeys = new Set(keys(ru as Tree))
const enKeys = new Set(keys(en as Tree))
// The English field hints of the import mapping are the server's own descriptions.
const RUSSIAN_ONLY = /^imports\.fieldHints\./

describe('web translations', () => {
  it('has the same keys in Russian and English', () => {
    expect([...ruKeys].filter((key) => !enKeys.has(key) && !RUSSIAN_ONLY.test(key))).toEqual([])
    expect([...enKeys].filter((key) => !ruKeys.has(key))).toEqual([])
  })

  it('has every key the code asks for literally', () => {
    const used = sourceFiles(join(import.meta.dirname, '../web/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_.]+)'/g)].map((match) => match[1]!),
    )
    expect(used.length).toBeGreaterThan(100)
    expect(used.filter((key) => !ruKeys.has(key) || !enKeys.has(key))).toEqual([])
  })

  it.each([
    ['roles', ROLES],
    ['segments', SEGMENTS],
    ['clientStatuses', CLIENT_STATUSES],
    ['noteKinds', NOTE_KINDS],
    ['personalFields', PERSONAL_FIELDS],
    ['importKinds', IMPORT_KINDS],
    ['nav', AREA_SECTIONS.flatMap((section) => section.areas.map((area) => area.key))],
    ['nav.sections', AREA_SECTIONS.map((section) => section.key)],
    ['channels', CHANNELS],
    ['productTypes', PRODUCT_TYPES],
    ['selections.groups', RULE_FIELDS.map((field) => field.group)],
    // The rule builder's operators are named per kind of field ("is one of", "holds", "within the last").
    ...RULE_FIELDS.map((field) => [`selections.ops.${field.kind}`, field.ops] as const),
    ['waves.steps', POLICY_STEPS],
    ['waves.kinds', ['pilot', 'rollout']],
    ['programs.statuses', PROGRAM_STATUSES],
    ['programs.goals', PROGRAM_GOALS],
    ['programs.moves', [...new Set(Object.values(PROGRAM_MOVES).flatMap((moves) => Object.keys(moves)))]],
    ['programs.drivers', TORNADO_DRIVERS],
    ['programs.checklist', PRE_LAUNCH_ITEMS],
    ['requestCategories', REQUEST_CATEGORIES],
    ['ideas.statuses', PRODUCT_IDEA_STATUSES],
    ['ideas.moves', PRODUCT_IDEA_STATUSES],
    ['itTasks.kinds', IT_TASK_KINDS],
    ['itTasks.statuses', IT_TASK_STATUSES],
    ['itTasks.moves', IT_TASK_STATUSES],
    ['auditActions', AUDIT_ACTIONS.map((action) => action.replaceAll('.', '_'))],
    ['complaints.categories', COMPLAINT_CATEGORY_CODES],
    ['complaints.channels', COMPLAINT_CHANNELS],
    ['complaints.severities', COMPLAINT_SEVERITIES],
    ['complaints.statuses', COMPLAINT_STATUSES],
    ['complaints.moves.to', COMPLAINT_STATUSES],
    ['complaints.rootCauses', COMPLAINT_ROOT_CAUSES],
    ['imports.fields', [...new Set(Object.values(IMPORT_FIELDS).flatMap((fields) => fields.map((field) => field.name)))]],
  ] as const)('names every value of %s', (prefix, values) => {
    const missing = values.map((value) => `${prefix}.${value}`).filter((key) => !ruKeys.has(key) || !enKeys.has(key))
    expect(missing).toEqual([])
  })

  it('describes every area not built yet', () => {
    const areas = AREA_SECTIONS.flatMap((section) => section.areas).filter((area) => !area.built)
    for (const area of areas) {
      for (const tree of [ru, en] as Tree[]) {
        const text = (tree.areas as Tree)[area.key] as Tree
        expect(typeof text.summary, area.key).toBe('string')
        expect((text.plans as string[]).length, area.key).toBeGreaterThan(0)
      }
    }
  })

  it('lists every action the server writes to the audit log', () => {
    const written = sourceFiles(join(import.meta.dirname, '../src')).filter((file) => !file.endsWith('.test.ts')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((match) => match[1]!),
    )
    expect(written.length).toBeGreaterThan(10)
    expect([...new Set(written)].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([])
  })
})
