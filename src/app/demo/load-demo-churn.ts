import type { Kysely } from 'kysely'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { refreshChurnedClients } from '../churn/refresh-churned-clients.ts'
import { trainChurnModel } from '../churn/train-churn-model.ts'

/** The command's default: the demo's 15 months of activity give both cut-offs six months of history behind them. */
const DEMO_HORIZON_MONTHS = 3

/**
 * The demo bank's churn, alive from the start: the churned clients under the default definition
 * with their reasons, and a churn model trained and scored — before the profile is built, which
 * then reads its scores. A bank too small to learn from (no churners at both cut-offs, fewer than
 * the model's minimum of either class: `otklik demo --clients 100`) goes without a model.
 */
export async function loadDemoChurn(db: Kysely<Schema>, input: { today: string; now: Date }): Promise<void> {
  await refreshChurnedClients(db, input)
  try {
    await trainChurnModel(db, { today: input.today, horizonMonths: DEMO_HORIZON_MONTHS, actor: { id: null, login: null }, refreshProfile: false })
  } catch (error) {
    const code = error instanceof DomainError ? error.details.code : ''
    if (code !== 'churn.too_little_history' && !code.startsWith('model.')) throw error
  }
}
