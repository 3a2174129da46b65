import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { lastJsonLine as lastJson, spawnOtklik } from '../../../test/spawn-otklik.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The CLI contract of issue 7: `otklik program create … --json` and `otklik program case C --json`.
const files = makeTempDir('otklik-program-cli-')
afterAll(() => files.remove())

const env = { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }
const otklik = (args: string[]) => runOtklikInProcess({ env, args })

describe('otklik program', () => {
  it('creates programs and prints the worked example’s business case', async () => {
    expect((await otklik(['demo', '--clients', '20', '--json'])).status).toBe(0)
    // One real process proves the executable's contract: exit code 0, the JSON as the last line.
    const created = spawnOtklik({ env, args: ['program', 'create', '--code', 'C1', '--name', 'Кросс-продажа', '--goal', 'cross_sell', '--json'] })
    expect(created.status, created.stderr).toBe(0)
    expect(lastJson(created.stdout)).toEqual({ code: 'C1', name: 'Кросс-продажа', goal: 'cross_sell', status: 'draft' })

    const caseFile = join(files.dir, 'case.json')
    writeFileSync(caseFile, JSON.stringify(BUSINESS_CASE_WORKED_EXAMPLE_TYPED))
    expect((await otklik(['program', 'create', '--code', 'C2', '--name', 'Кредит', '--goal', 'cross_sell', '--product', 'CL_CASH', '--case', caseFile, '--json'])).status).toBe(0)
    const result = await otklik(['program', 'case', 'C2', '--json'])
    expect(result.status, result.stderr).toBe(0)
    // The demo catalogue's cash loan is the worked example's (core/program/business-case-worked-example.ts).
    expect(lastJson(result.stdout)).toMatchObject({ program: 'C2', npv: 1_539_437.5, totalCost: 81_500, profit: 2_227_000 })

    const taken = await otklik(['program', 'create', '--code', 'C1', '--name', 'X', '--goal', 'retention', '--lang', 'ru'])
    expect(taken.status).toBe(1)
    expect(taken.stderr).toContain('Программа с кодом C1 уже есть')
    const badGoal = await otklik(['program', 'create', '--code', 'C3', '--name', 'X', '--goal', 'profit'])
    expect(badGoal.status).toBe(2)
    const incomplete = await otklik(['program', 'case', 'C1', '--json'])
    expect(incomplete.status).toBe(1)
    expect(incomplete.stderr).toMatch(/no target product/)

    // The rollout what-if of C2 (one SMS, no pilot yet): its 9 000 contacted in waves of 4 000, one a
    // working day from Friday 6 March 2026 — Monday the 9th is the day off for Women's Day.
    const plan = await otklik(['program', 'rollout-plan', 'C2', '--operators', '0', '--calls-per-hour', '12', '--hours-per-day', '7', '--reach-rate', '0.5', '--start', '2026-03-06', '--max-wave-size', '4000', '--json'])
    expect(plan.status, plan.stderr).toBe(0)
    const json = lastJson(plan.stdout)
    expect(json).toMatchObject({ program: 'C2', clients: 9_000, planned: 9_000, limitedBy: null, callCapacity: null, cost: 31_500, case: { npv: 1_539_437.5 } })
    expect(json.waves.map((w: { start: string; clients: number }) => [w.start, w.clients])).toEqual([['2026-03-06', 4_000], ['2026-03-10', 4_000], ['2026-03-11', 1_000]])
    const bad = await otklik(['program', 'rollout-plan', 'C2', '--operators', '-1', '--calls-per-hour', '12', '--hours-per-day', '7', '--reach-rate', '0.5', '--start', '2026-03-06', '--lang', 'en'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/operators must be a whole number from 0 to 100,?000/)
  }, 400_000)

  it('shows where a program stands in the words of --lang, and names a bad --case file as the business-case file', async () => {
    const russian = await otklik(['program', 'show', 'C2', '--lang', 'ru'])
    expect(russian.status, russian.stderr).toBe(0)
    expect(russian.stdout).toContain('программа C2 «Кредит»: Черновик')
    expect(russian.stdout).toMatch(/дальше: На утверждении \(Экономист по программам\); Отменена \(Экономист по программам, Руководитель\)/)
    expect(russian.stdout).toContain('[x] Доля контроля задана')
    expect(russian.stdout).toContain('[ ] Пилотная волна построена, воронка политики просмотрена')
    expect(russian.stdout).toContain('[ ] Канал выбран')
    // No code left for a Russian reader: statuses, roles and checklist items are all words.
    expect(russian.stdout).not.toMatch(/draft|proposed|cancelled|program_economist|wave_previewed|control_share|pilot_size/)
    const english = await otklik(['program', 'show', 'C2', '--lang', 'en'])
    expect(english.stdout).toContain('program C2 «Кредит»: Draft')
    expect(english.stdout).toContain('[ ] Planned dates set')
    const json = lastJson((await otklik(['program', 'show', 'C2', '--json'])).stdout)
    expect(json).toMatchObject({ code: 'C2', status: 'draft', allowedMoves: [{ to: 'proposed', roles: ['program_economist'] }, { to: 'cancelled' }] })
    expect(json.checklist).toContainEqual({ item: 'wave_previewed', met: false })
    expect((await otklik(['program', 'create', '--code', 'C4', '--name', 'Удержание', '--goal', 'retention', '--lang', 'ru'])).stdout).toContain('программа C4 (Удержание) создана: Черновик')

    const missing = await otklik(['program', 'create', '--code', 'C5', '--name', 'X', '--goal', 'retention', '--case', join(files.dir, 'nope.json'), '--lang', 'en'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/^otklik: cannot read the business-case file .*nope\.json: ENOENT$/m)
    const garbled = join(files.dir, 'garbled.json')
    writeFileSync(garbled, '{"audience": 10000,')
    const notJson = await otklik(['program', 'create', '--code', 'C5', '--name', 'X', '--goal', 'retention', '--case', garbled, '--lang', 'ru'])
    expect(notJson.status).toBe(2)
    expect(notJson.stderr).toContain('Файл бизнес-кейса')
    expect(notJson.stderr).toContain('не JSON')
    expect((await otklik(['program', 'show', 'C5', '--json'])).status).toBe(1)
    // The demo's programs name the demo catalogue's approved offers.
    expect((await otklik(['program', 'show', 'CC-SALARY', '--lang', 'ru'])).stdout).toContain('предложение: CC-120-DAYS «Кредитная карта «120 дней без процентов»», версия 1: утверждено')
    expect((await otklik(['program', 'show', 'C2', '--lang', 'en'])).stdout).toContain('offer: —')
    expect(lastJson((await otklik(['program', 'show', 'CC-SALARY', '--json'])).stdout).offer).toEqual({ code: 'CC-120-DAYS', name: 'Кредитная карта «120 дней без процентов»', version: 1, status: 'approved', approved: true })
  }, 400_000)
})
