import type { SavedModel } from '../model/saved-model.ts'
import { trainModel, type TrainedModel } from '../model/train-model.ts'

export type FitChurnModelInput = {
  /** The feature columns, in order. */
  features: readonly string[]
  /** Each row's cut-off day (ISO), its features and its label. */
  rows: readonly { cutoff: string; features: Readonly<Record<string, string | number>>; churned: 0 | 1 }[]
  /** As scikit-learn's C (default 1). */
  C?: number
}

export type FittedChurnModel = { trained: TrainedModel; model: SavedModel }

/** The label column's name in the table the model is trained on. */
const LABEL = 'churned'
const CUTOFF = 'cutoff'

/**
 * The churn model: Otklik's regularised logistic regression (core/model/train-model.ts) on the
 * snapshot rows, held out by time — the rows of the latest cut-off are the test, every earlier one
 * trains. The time split takes the latest rows; asked for a sliver of them, it holds out every row
 * at the latest time, which is the whole latest cut-off and nothing else.
 */
export function fitChurnModel(input: FitChurnModelInput): FittedChurnModel {
  const headers = [CUTOFF, ...input.features, LABEL]
  const table = {
    headers,
    rows: input.rows.map((row, i) => ({
      line: i + 2,
      cells: [row.cutoff, ...input.features.map((name) => String(row.features[name])), String(row.churned)],
    })),
  }
  const C = input.C ?? 1
  const trained = trainModel({ table, label: LABEL, split: { kind: 'time', column: CUTOFF }, testShare: Number.MIN_VALUE, seed: 0, C })
  const model: SavedModel = {
    kind: 'logistic_regression',
    version: 1,
    label: LABEL,
    positive: trained.label.positive,
    C,
    encoder: trained.encoder,
    intercept: trained.intercept,
    coefficients: trained.coefficients,
  }
  return { trained, model }
}
