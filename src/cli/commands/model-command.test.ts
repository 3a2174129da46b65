import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dataSet } from '../../../test/data-sets.ts'
import { offlineOtklikEnv, runOfflineOtklik } from '../../../test/run-offline-otklik.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import reference from '../../app/model/reference/churn_reference.json' with { type: 'json' }
import upliftReference from '../../core/model/reference/uplift_model_reference.json' with { type: 'json' }
import { HILLSTROM_FILE } from '../../../test/read-hillstrom.ts'
import { scoreRow, type SavedModel } from '../../core/model/saved-model.ts'

// `otklik model train` as scripts run it (issue 9's contract). It opens no database: the data
// directory is never created and an unreachable DATABASE_URL is never dialled.
const CHURN = dataSet('bank-churn-modelling', 'Churn_Modelling.csv')
const files = makeTempDir('otklik-model-cli-')
afterAll(() => files.remove())
const DATA_DIR = join(files.dir, 'data')

const otklik = (...args: string[]) => runOtklikInProcess({ env: offlineOtklikEnv(DATA_DIR), args })

describe('otklik model train', () => {
  it('prints {"auc", "n_train", "n_test", "coefficients", …} on one line and saves a model that scores new rows', async () => {
    const out = join(files.dir, 'churn-model.json')
    // One real process proves the executable's contract (exit code, one line of JSON); the rest run in-process.
    const run = runOfflineOtklik(DATA_DIR, 'model', 'train', '--csv', CHURN, '--label', 'Exited', '--drop', 'RowNumber,CustomerId,Surname', '--split', 'stratified', '--test-share', '0.3', '--seed', '42', '--out', out, '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    const result = run.json()
    expect(Object.keys(result).slice(0, 4)).toEqual(['auc', 'n_train', 'n_test', 'coefficients'])
    expect(result).toMatchObject({ n_train: 7000, n_test: 3000, split: 'stratified', C: 1, warnings: [] })
    expect(Math.abs(result.auc - reference.churn.stratified.newton_cg.auc)).toBeLessThan(1e-9)
    expect(result.coefficients.Age).toBeCloseTo(reference.churn.stratified.newton_cg.coefficients.Age, 8)
    expect(result.calibration).toHaveLength(10)
    const saved = JSON.parse(readFileSync(out, 'utf8')) as SavedModel
    expect(saved.coefficients).toEqual(result.coefficients)
    // The file's first client (PROVENANCE.md) scored by the saved model.
    const first = { CreditScore: '619', Geography: 'France', Gender: 'Female', Age: '42', Tenure: '2', Balance: '0', NumOfProducts: '1', HasCrCard: '1', IsActiveMember: '1', EstimatedSalary: '101348.88' }
    // The same by hand from scikit-learn's answer: its scaling and coefficients, France and Female
    // being the reference or a level.
    const known = reference.churn.stratified
    let z = known.newton_cg.intercept + known.newton_cg.coefficients['Gender=Female']
    for (const [column, { mean, std }] of Object.entries(known.scaling)) {
      z += (known.newton_cg.coefficients[column as keyof typeof known.scaling] * (Number(first[column as keyof typeof first]) - mean)) / std
    }
    expect(scoreRow(saved, first)).toBeCloseTo(1 / (1 + Math.exp(-z)), 8)
    expect(existsSync(DATA_DIR)).toBe(false)
  })

  it('refuses an unknown label with exit 2, naming it and the columns, in Russian with --lang ru', async () => {
    const run = await otklik('model', 'train', '--csv', CHURN, '--label', 'Churned', '--lang', 'ru', '--json')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Нет столбца «Churned» (указан в --label); в файле есть: RowNumber, CustomerId, Surname')
    const split = await otklik('model', 'train', '--csv', CHURN, '--label', 'Exited', '--split', 'random', '--json')
    expect(split.status).toBe(2)
    expect(split.stderr).toContain('--split must be stratified or time:COLUMN; got “random”')
  })
})

// Issue 9, item 6: the Qini of the uplift model on Hillstrom's held-out third (0-based row index
// mod 3 == 0), as Otklik reports it from the file; the figures are those of
// src/core/model/reference/uplift_model_reference.py (scikit-learn), which the core test holds to
// the coefficients. Conversion and spend are outcomes too: left out, as the reference leaves them.
describe('otklik model uplift-file', () => {
  it('reports the Qini, AUUC and uplift at k of Hillstrom\'s held-out third as the reference computes them', async () => {
    const run = await otklik('model', 'uplift-file', '--csv', HILLSTROM_FILE, '--treatment', 'segment', '--control', 'No E-Mail', '--outcome', 'visit', '--drop', 'conversion,spend', '--json')
    expect(run.status, run.stderr).toBe(0)
    const result = run.json()
    const known = upliftReference.approaches.two_model.metrics
    expect(result).toMatchObject({ approach: 'two_model', n_train: upliftReference.n_train, n_test: upliftReference.n_test, warnings: [] })
    expect(Math.abs(result.qini_auc_score - known.qini_auc_score)).toBeLessThan(1e-6)
    expect(Math.abs(result.uplift_auc_score - known.uplift_auc_score)).toBeLessThan(1e-6)
    expect(Math.abs(result.qini_raw - known.qini_raw)).toBeLessThan(1e-4)
    expect(Math.abs(result.uplift_at_k['0.3'] - known.uplift_at_k['0.3'])).toBeLessThan(1e-9)
  })

  it('refuses a control value no row has, and a hold-out that is not a whole number of 2 or more', async () => {
    const none = await otklik('model', 'uplift-file', '--csv', HILLSTROM_FILE, '--treatment', 'segment', '--control', 'No Email', '--outcome', 'visit', '--json')
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/control/i)
    const every = await otklik('model', 'uplift-file', '--csv', HILLSTROM_FILE, '--treatment', 'segment', '--control', 'No E-Mail', '--outcome', 'visit', '--holdout-every', '1', '--json')
    expect(every.status).toBe(2)
    expect(every.stderr).toContain('--holdout-every')
  })
})
