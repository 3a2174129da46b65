import { trainModel, type TrainedModel, type TrainModelInput } from '../../core/model/train-model.ts'
import { readModelTable, type ReadModelTableInput } from './read-model-table.ts'

export type TrainModelFileInput = ReadModelTableInput & Omit<TrainModelInput, 'table'>

/** Trains a logistic regression on a CSV or XLSX file of features and a label (trainModel). */
export async function trainModelFile(input: TrainModelFileInput): Promise<TrainedModel> {
  const { path, encoding, delimiter, ...options } = input
  const table = await readModelTable({ path, encoding, delimiter })
  return trainModel({ table, ...options })
}
