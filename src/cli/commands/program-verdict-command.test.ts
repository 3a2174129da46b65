import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createProgram } from '../../app/program/create-program.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { seedPilotWave } from '../../../test/seed-pilot-wave.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import reference from '../../http/routes/program-verdict-routes.check.json' with { type: 'json' }

// The CLI contract of issue 7: `otklik program verdict C --json` — per response type the arms,
// uplift, ci, p, srm_p, incremental_profit with its interval, and the recommendation.
const files = makeTempDir('otklik-verdict-cli-')
afterAll(() => files.remove())

const otklik = (args: string[]) => runOtklikInProcess({ env: { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }, args })
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!)
const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i)

/** The embedded bank the CLI opens, with the worked example's program and a 900/100 pilot: 45 against 3 applications. */
async function seedBank() {
  const db = await openDatabase({ dataDir: join(files.dir, 'bank', 'pglite') })
  try {
    await migrate(db)
    await db.kysely
      .insertInto('products')
      .values({ code: 'CL_CASH', type: 'consumer_loan', name: 'Кредит наличными', ftp_rate: 0.17, client_rate: 0.26, probability_of_default: 0.06, loss_given_default: 0.55, lifetime_months: 36 })
      .execute()
    const businessCase = { ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED, channelCosts: BUSINESS_CASE_WORKED_EXAMPLE_TYPED.channelCosts.map((c) => ({ ...c })) }
    const body = { code: 'VERD', name: 'Кредит', goal: 'cross_sell' as const, targetProduct: 'CL_CASH', channels: ['sms' as const], controlShare: 0.1, businessCase }
    await createProgram(db.kysely, { body, actor: { id: null, login: 'test', role: null } })
    const wave = await seedPilotWave(db, { code: 'VERD', first: 1, target: 900, control: 100, controlShare: 0.1, builtAt: '2026-03-01T09:00:00Z', createClients: 1000 })
    await wave.respond('application', range(1, 45), '2026-03-10T10:00:00Z')
    await wave.respond('application', range(901, 3), '2026-03-20T10:00:00Z')
  } finally {
    await db.close()
  }
}

describe('otklik program verdict', () => {
  it('prints the verdict per response type, in the contract’s snake_case', async () => {
    await seedBank()
    const result = await otklik(['program', 'verdict', 'VERD', '--json'])
    expect(result.status, result.stderr).toBe(0)
    const json = lastJson(result.stdout)
    expect(json).toMatchObject({ program: 'VERD', srm: { p: 1, blocked: false }, wave_cost: 3150, attribution_window: { days: 30, closed: true } })
    const [application] = json.responses
    expect(Object.keys(application)).toEqual(expect.arrayContaining(['arms', 'uplift', 'ci', 'p', 'srm_p', 'incremental_profit', 'recommendation']))
    expect(application).toMatchObject({
      type: 'application',
      arms: { target: { n: 900, responders: 45, rate: 0.05 }, control: { n: 100, responders: 3, rate: 0.03 } },
      test: 'fisher',
      srm_p: 1,
      // 0.02 × 900 = 18 responders, 9 loans at 18 010.42 ₽, less 900 SMS at 3.50 ₽.
      incremental_profit: { estimate: 158_943.78 },
    })
    expect(application.uplift).toBeCloseTo(0.02, 12)
    expect(application.ci).toHaveLength(2)
    expect(application.incremental_profit.ci).toHaveLength(2)
    expect(['rollout', 'extend', 'stop', 'blocked']).toContain(application.recommendation)

    const words = await otklik(['program', 'verdict', 'VERD', '--lang', 'ru'])
    expect(words.status, words.stderr).toBe(0)
    expect(words.stdout).toMatch(/Продлить пилот|Тиражировать|Остановить/)

    // The same pilot as the route test's reference (program-verdict-routes.check.py): 45/900 against 3/100.
    const options = await otklik(['program', 'verdict', 'VERD', '--cuped', '--always-valid', '--json'])
    expect(options.status, options.stderr).toBe(0)
    const monitored = lastJson(options.stdout)
    expect(monitored.options).toMatchObject({ cuped: { preperiod: { from: '2026-02-01', until: '2026-03-01', months: 1 } }, monitoring: 'always_valid', planned: { target: 900, control: 100, baseline: 0.03 } })
    const sequence = monitored.responses[0].always_valid
    expect(sequence.ci[0]).toBeCloseTo(reference.always_valid_application.ci[0]!, 10)
    expect(sequence.ci[1]).toBeCloseTo(reference.always_valid_application.ci[1]!, 10)
    expect(sequence.width_ratio).toBeCloseTo(reference.always_valid_application.width_ratio, 10)
    expect(sequence.incremental_profit_ci).toEqual(reference.always_valid_application.profit_ci_kopecks.map((k) => k / 100))
    expect(monitored.responses[0].recommendation).toBe('extend')
    const unknown = await otklik(['program', 'verdict', 'NOPE', '--json'])
    expect(unknown.status).toBe(1)
  }, 400_000)
})
