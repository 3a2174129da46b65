import { trainUpliftModelTable, type TrainUpliftModelTableInput } from '../../core/model/train-uplift-model-table.ts'
import type { TrainedUpliftModel } from '../../core/model/train-uplift-model.ts'
import { readModelTable, type ReadModelTableInput } from './read-model-table.ts'

export type TrainUpliftModelFileInput = ReadModelTableInput & Omit<TrainUpliftModelTableInput, 'table'>

/** Trains an uplift model on a CSV or XLSX file of an experiment (trainUpliftModelTable). */
export async function trainUpliftModelFile(input: TrainUpliftModelFileInput): Promise<TrainedUpliftModel> {
  const { path, encoding, delimiter, ...options } = input
  const table = await readModelTable({ path, encoding, delimiter })
  return trainUpliftModelTable({ table, ...options })
}
