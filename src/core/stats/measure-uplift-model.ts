import { checkUpliftTable } from './check-uplift-table.ts'
import { qiniAucScore } from './qini-auc-score.ts'
import { qiniRawArea } from './qini-raw-area.ts'
import { upliftAtK } from './uplift-at-k.ts'
import { upliftAucScore } from './uplift-auc-score.ts'
import type { UpliftColumns } from './uplift-columns.ts'
import type { UpliftTable } from './uplift-table.ts'

export type MeasureUpliftModelInput = { table: UpliftTable; ks: readonly number[]; columns?: UpliftColumns }

/** How well a score ranks the persuadable: the Qini coefficient, AUUC and uplift at each k (scikit-uplift 0.5), and the raw Qini area. */
export type UpliftModelMeasures = {
  qiniAucScore: number
  upliftAucScore: number
  upliftAtK: { k: number; uplift: number | null }[]
  qiniRaw: number
}

export function measureUpliftModel({ table, ks, columns }: MeasureUpliftModelInput): UpliftModelMeasures {
  checkUpliftTable(table, columns)
  return {
    qiniAucScore: qiniAucScore(table),
    upliftAucScore: upliftAucScore(table),
    upliftAtK: ks.map((k) => ({ k, uplift: upliftAtK(table, k) })),
    qiniRaw: qiniRawArea(table),
  }
}
