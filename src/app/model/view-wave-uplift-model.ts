import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import type { WaveUpliftModel } from '../../contract/uplift-model-schemas.ts'
import type { UpliftApproach } from '../../contract/uplift-approaches.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { UpliftModelMeasures } from '../../core/stats/measure-uplift-model.ts'
import { thinCurve } from '../../core/stats/thin-curve.ts'
import type { UpliftCurvePoints } from '../../core/stats/uplift-curve-points.ts'
import type { Schema } from '../../db/schema.ts'
import { findNewestWaveUpliftModel } from '../../db/stores/uplift-model-store.ts'
import { findWave } from '../../db/stores/wave-query-store.ts'

/** Points a chart of the Qini curve gets at most. */
const CHART_POINTS = 101

/** What train-wave-uplift-model.ts stores as a model's metrics. */
type StoredMetrics = { measures: UpliftModelMeasures; curves: UpliftCurvePoints; nTrain: number; nTest: number }

/** GET /api/waves/:id/uplift-model: the newest uplift model trained on the wave and its Qini curve, or null. */
export async function viewWaveUpliftModel(db: Kysely<Schema>, waveId: number): Promise<WaveUpliftModel> {
  if (!(await findWave(db, waveId))) throw new DomainError('not_found', `No wave ${waveId}`, reason('wave.not_found', { id: waveId }))
  const stored = await findNewestWaveUpliftModel(db, waveId)
  if (!stored) return { model: null }
  const metrics = stored.metrics as StoredMetrics
  const qini = metrics.curves.qini
  return {
    model: {
      id: stored.id,
      version: stored.version,
      program: stored.programCode,
      approach: stored.approach as UpliftApproach,
      response: stored.responseType,
      trainedAt: stored.trainedAt,
      trainedBy: stored.trainedBy,
      scored: stored.scoredCount,
      nTrain: metrics.nTrain,
      nTest: metrics.nTest,
      qiniAucScore: metrics.measures.qiniAucScore,
      upliftAucScore: metrics.measures.upliftAucScore,
      qiniRaw: metrics.measures.qiniRaw,
      upliftAtK: metrics.measures.upliftAtK,
      qini: { model: thinCurve(qini.model, CHART_POINTS), perfect: thinCurve(qini.perfect, CHART_POINTS), random: [...qini.random] },
    },
  }
}
