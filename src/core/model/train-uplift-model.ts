import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { UpliftApproach } from '../../contract/uplift-approaches.ts'
import { measureUpliftModel, type UpliftModelMeasures } from '../stats/measure-uplift-model.ts'
import { upliftCurvePoints, type UpliftCurvePoints } from '../stats/uplift-curve-points.ts'
import { encodeRow, featureNames, type FeatureEncoder } from './feature-encoder.ts'
import { fitFeatureEncoder, type FeatureColumn } from './fit-feature-encoder.ts'
import { fitLogisticRegression } from './fit-logistic-regression.ts'
import { modelInputError } from './model-input-error.ts'
import type { ModelSplit } from './model-split.ts'
import { upliftScorer, type StoredLogistic, type UpliftModel } from './uplift-model.ts'

/** The cut-offs uplift@k is reported at: the best 10%, 30% and half of the members by score. */
export const UPLIFT_KS = [0.1, 0.3, 0.5] as const

export type TrainUpliftModelInput = {
  /** The features, one column of text cells per profile field or file column. */
  columns: readonly FeatureColumn[]
  /** Per row: 1 the member was in the target (contacted), 0 in control. */
  treatment: readonly (0 | 1)[]
  /** Per row: 1 the member responded within the window, 0 not. */
  outcome: readonly (0 | 1)[]
  /** Indexes of the rows trained on and of those held out to measure the model. */
  split: ModelSplit
  approach: UpliftApproach
  /** As scikit-learn's C (default 1), for every regression fitted. */
  C?: number
}

export type TrainedUpliftModel = {
  model: UpliftModel
  /** On the held-out rows: Qini coefficient and AUUC normalised as scikit-uplift, uplift@k, and the raw Qini in responders. */
  measures: UpliftModelMeasures
  /** The held-out rows' Qini and uplift curves and uplift by score decile, for charts. */
  curves: UpliftCurvePoints
  nTrain: number
  nTest: number
  /** The held-out rows' predicted uplift, in split.test order. */
  testScores: number[]
  warnings: Reason[]
}

/**
 * Trains an uplift model on the training rows and measures it on the held-out ones.
 * - One feature encoder (fitFeatureEncoder) is learnt from all training rows, target and control.
 * - two_model: a logistic regression of the response on the target's training rows, another on
 *   control's; the uplift is P(y|x, target) − P(y|x, control).
 * - class_transformation: one regression of Z = y·t + (1−y)(1−t) on all training rows. 2·P(Z=1|x) − 1
 *   is the uplift only when target and control are equal shares; a bank's control is 5–20%, so the
 *   rows are REWEIGHTED to equal shares (target rows n/(2·n_t), control rows n/(2·n_c), which keeps
 *   the total weight n and so C's meaning), not assumed balanced.
 */
export function trainUpliftModel(input: TrainUpliftModelInput): TrainedUpliftModel {
  const C = input.C ?? 1
  const { train, test } = input.split
  checkGroups(input, train, 'train')
  checkGroups(input, test, 'test')
  const { encoder, warnings } = fitFeatureEncoder({ columns: input.columns, train })
  if (encoder.features.length === 0) throw modelInputError(reason('model.uplift_no_features', { count: input.split.train.length }))
  const encode = rowEncoder(input.columns, encoder)
  const fit = (rows: readonly number[], label: (i: number) => number, sampleWeight?: number[]) => {
    const result = fitLogisticRegression(rows.map(encode), rows.map(label), { C, sampleWeight })
    if (!result.converged) warnings.push(reason('model.not_converged', { iterations: result.iterations }))
    return stored(encoder, result)
  }
  const y = (i: number) => input.outcome[i]
  const model: UpliftModel = { kind: 'uplift', version: 1, approach: input.approach, C, encoder, regressions: regressionsFor(input, fit, y) }
  const score = upliftScorer(model)
  const cells = (i: number) => Object.fromEntries(input.columns.map((c) => [c.name, c.cells[i]]))
  const testScores = test.map((i) => score(cells(i)))
  const table = { score: testScores, treatment: test.map((i) => input.treatment[i]), outcome: test.map((i) => input.outcome[i]) }
  return {
    model,
    measures: measureUpliftModel({ table, ks: UPLIFT_KS }),
    curves: upliftCurvePoints(table),
    nTrain: train.length,
    nTest: test.length,
    testScores,
    warnings,
  }
}

type Fit = (rows: readonly number[], label: (i: number) => number, sampleWeight?: number[]) => StoredLogistic

function regressionsFor(input: TrainUpliftModelInput, fit: Fit, y: (i: number) => number): UpliftModel['regressions'] {
  const { train } = input.split
  const t = input.treatment
  if (input.approach === 'two_model') {
    return { treated: fit(train.filter((i) => t[i] === 1), y), control: fit(train.filter((i) => t[i] === 0), y) }
  }
  const treated = train.filter((i) => t[i] === 1).length
  const weightOf = { 1: train.length / (2 * treated), 0: train.length / (2 * (train.length - treated)) }
  const z = (i: number) => (y(i) === t[i] ? 1 : 0)
  return { transformed: fit(train, z, train.map((i) => weightOf[t[i]])) }
}

function rowEncoder(columns: readonly FeatureColumn[], encoder: FeatureEncoder) {
  return (i: number) => encodeRow(encoder, Object.fromEntries(columns.map((c) => [c.name, c.cells[i]])))
}

function stored(encoder: FeatureEncoder, fit: { intercept: number; weights: readonly number[] }): StoredLogistic {
  const names = featureNames(encoder)
  return { intercept: fit.intercept, coefficients: Object.fromEntries(names.map((name, j) => [name, fit.weights[j]])) }
}

/** The fewest responders (and non-responders) each group's training rows need: a regression on fewer learns noise. */
export const MIN_UPLIFT_RESPONDERS = 10

/** Each group of each part needs responders and non-responders: no uplift is learnt or measured otherwise. */
function checkGroups(input: TrainUpliftModelInput, rows: readonly number[], part: 'train' | 'test'): void {
  for (const group of [1, 0] as const) {
    const members = rows.filter((i) => input.treatment[i] === group)
    const responders = members.filter((i) => input.outcome[i] === 1).length
    const name = group === 1 ? 'target' : 'control'
    if (members.length === 0) throw modelInputError(reason('model.uplift_group_empty', { part, group: name }))
    if (responders === 0 || responders === members.length) {
      throw modelInputError(reason('model.uplift_group_one_outcome', { part, group: name, value: responders === 0 ? 0 : 1 }))
    }
    const fewest = Math.min(responders, members.length - responders)
    if (part === 'train' && fewest < MIN_UPLIFT_RESPONDERS) {
      throw modelInputError(reason('model.uplift_too_few_responders', { group: name, count: fewest, min: MIN_UPLIFT_RESPONDERS }))
    }
  }
}
