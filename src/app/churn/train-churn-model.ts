import type { Kysely } from 'kysely'
import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { CHURN_FEATURES, churnFeatures, type ChurnFeatureValues } from '../../core/churn/churn-features.ts'
import { churnOf } from '../../core/churn/churn-of.ts'
import { churnCutoffs, churnSnapshotRows, type ChurnSnapshotRow } from '../../core/churn/churn-snapshot-rows.ts'
import { fitChurnModel, type FittedChurnModel } from '../../core/churn/fit-churn-model.ts'
import type { ClientChurnFacts } from '../../core/churn/client-churn-facts.ts'
import { DomainError } from '../../core/domain-error.ts'
import { scoreRow, type SavedModel } from '../../core/model/saved-model.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { readChurnFacts } from '../../db/stores/churn-facts-store.ts'
import { finishChurnScoring, insertChurnModel, writeChurnScores } from '../../db/stores/churn-model-store.ts'
import { recordAuditEvent, type AuditActor } from '../audit/record-audit-event.ts'
import { startFullRefresh, updateProfile } from '../selection/update-profile.ts'
import { CHURN_PAGE_SIZE } from './refresh-churned-clients.ts'
import { viewChurnDefinition } from './view-churn-definition.ts'

export type TrainChurnModelInput = {
  /** The bank day: cut-offs count back from its month; clients are scored as of it. */
  today: string
  /** How far ahead the model looks: churned within this many months after a cut-off. */
  horizonMonths: number
  actor: AuditActor
  C?: number
  /** Rebuild the profile so churn_score reads the new model (default); the demo builds it after. */
  refreshProfile?: boolean
}

export type ChurnModelResult = {
  modelId: number
  version: number
  fitted: FittedChurnModel
  cutoffs: { train: string; test: string }
  horizonMonths: number
  /** Churners among the training and the test rows. */
  churners: { train: number; test: number }
  scored: number
}

/**
 * `otklik churn train`: the churn model on the bank's own data with a time-ordered holdout. Every
 * client is seen at two cut-offs (core/churn/churn-snapshot-rows.ts): the earlier trains, the later
 * tests, features as of the cut-off and the label "churned within the horizon after it" under the
 * bank's definition. Stored as the next version; then every client not churned today is scored on
 * today's features, the model marked scored, and the profile refreshed so that the selection field
 * churn_score reads it. The base is read once: today's features are kept from the same pages. Audited once done.
 */
export async function trainChurnModel(db: Kysely<Schema>, input: TrainChurnModelInput): Promise<ChurnModelResult> {
  const { horizonMonths } = input
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 24) {
    throw new DomainError('invalid_input', `Bad horizon ${horizonMonths}`, reason('churn.bad_horizon', { field: '--horizon', value: String(horizonMonths) }))
  }
  const definition = await viewChurnDefinition(db)
  const timeZone = await readBankTimeZone(db)
  const cutoffs = churnCutoffs(input.today, horizonMonths)
  // One pass over the base: each page gives its snapshot rows and today's features of the clients to score.
  const rows: ChurnSnapshotRow[] = []
  const today: TodayFeatures[] = []
  for (let after = 0; ; ) {
    const page = await readChurnFacts(db, { after, limit: CHURN_PAGE_SIZE, timeZone })
    rows.push(...churnSnapshotRows({ facts: page, definition, cutoffs: [cutoffs.train, cutoffs.test], horizonMonths }))
    today.push(...todayFeatures(page, definition, input.today))
    if (page.length < CHURN_PAGE_SIZE) break
    after = page[page.length - 1].clientId
  }
  const churners = { train: countChurners(rows, cutoffs.train), test: countChurners(rows, cutoffs.test) }
  for (const part of ['train', 'test'] as const) {
    const total = rows.filter((r) => r.cutoff === cutoffs[part]).length
    if (churners[part] === 0 || churners[part] === total) throw new DomainError('invalid_input', `No churners or no stayers at ${cutoffs[part]}`, reason('churn.too_little_history', { part, cutoff: cutoffs[part] }))
  }
  const fitted = fitChurnModel({ features: CHURN_FEATURES, rows, C: input.C })
  const { trained } = fitted
  const stored = await db.transaction().execute((tx) =>
    insertChurnModel(tx, {
      definition,
      model: fitted.model,
      metrics: { auc: trained.auc, nTrain: trained.nTrain, nTest: trained.nTest, calibration: trained.calibration, cutoffs, horizonMonths, churners, warnings: trained.warnings },
      trainedBy: input.actor.id,
      trainedByLogin: input.actor.login,
    }))
  const scored = await scoreClients(db, { modelId: stored.id, model: fitted.model, clients: today })
  await finishChurnScoring(db, stored.id, scored)
  if (input.refreshProfile !== false) {
    await startFullRefresh(db, input.today)
    await updateProfile(db, { today: input.today })
  }
  await recordAuditEvent(db, input.actor, {
    action: 'churn_model.train',
    entity: 'churn_model',
    entityId: String(stored.id),
    details: { version: stored.version, auc: trained.auc, nTrain: trained.nTrain, nTest: trained.nTest, cutoffs, horizonMonths, scored },
  })
  return { modelId: stored.id, version: stored.version, fitted, cutoffs, horizonMonths, churners, scored }
}

function countChurners(rows: readonly ChurnSnapshotRow[], cutoff: string): number {
  return rows.reduce((n, r) => n + (r.cutoff === cutoff ? r.churned : 0), 0)
}

type TodayFeatures = { clientId: number; features: ChurnFeatureValues }

/** The clients to score — neither churned nor deceased today, holding a product — with today's features. */
function todayFeatures(page: readonly ClientChurnFacts[], definition: ChurnDefinition, today: string): TodayFeatures[] {
  return page.flatMap((facts) => {
    if (facts.status === 'deceased' || facts.holdings.length === 0) return []
    if (churnOf({ definition, facts, asOf: today })) return []
    return [{ clientId: facts.clientId, features: churnFeatures({ facts, asOf: today, salaryProducts: definition.salaryProducts }) }]
  })
}

/** Writes every client's score, a page per statement. */
async function scoreClients(db: Kysely<Schema>, input: { modelId: number; model: SavedModel; clients: readonly TodayFeatures[] }): Promise<number> {
  for (let from = 0; from < input.clients.length; from += CHURN_PAGE_SIZE) {
    const page = input.clients.slice(from, from + CHURN_PAGE_SIZE)
    await writeChurnScores(db, input.modelId, page.map((c) => ({ clientId: c.clientId, score: scoreRow(input.model, c.features) })))
  }
  return input.clients.length
}
