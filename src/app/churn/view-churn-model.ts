import type { Kysely } from 'kysely'
import type { CalibrationBin } from '../../core/model/calibration-deciles.ts'
import type { Schema } from '../../db/schema.ts'
import { findNewestChurnModel, readChurnModelCoefficients } from '../../db/stores/churn-model-store.ts'

type Metrics = { auc: number; nTrain: number; nTest: number; calibration: CalibrationBin[]; cutoffs: { train: string; test: string }; horizonMonths: number }

/** The newest churn model with its held-out AUC, calibration and coefficients, or null before the first is trained. */
export async function viewChurnModel(db: Kysely<Schema>) {
  const stored = await findNewestChurnModel(db)
  if (!stored) return { model: null }
  const m = stored.metrics as Metrics
  return {
    model: {
      id: stored.id,
      version: stored.version,
      trainedAt: stored.trainedAt,
      trainedBy: stored.trainedBy,
      auc: m.auc,
      nTrain: m.nTrain,
      nTest: m.nTest,
      trainCutoff: m.cutoffs.train,
      testCutoff: m.cutoffs.test,
      horizonMonths: m.horizonMonths,
      calibration: m.calibration,
      coefficients: await readChurnModelCoefficients(db, stored.id),
      scored: stored.scoredCount,
    },
  }
}
