import type { Kysely } from 'kysely'
import type { RetentionTemplateBody } from '../../contract/churn-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { Rule } from '../../contract/rule.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { newestChurnScoreQuantile } from '../../db/stores/churn-model-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { createProgram } from '../program/create-program.ts'
import { saveSelection } from '../selection/save-selection.ts'

/** High-value without a balance: the segments and the VIP flag the bank serves personally. */
const VALUED_SEGMENTS = ['premium', 'private']
const DEFAULT_MIN_BALANCE = 300_000
/** High-risk by default: the top tenth of the clients the newest churn model scored. */
const TOP_SHARE = 0.1

/** The template's rule: active, contactable, at risk by churn_score, and worth keeping. */
export function retentionRule(input: { riskThreshold: number; minBalance: number }): Rule {
  return {
    all: [
      { field: 'status', op: 'eq', value: 'active' },
      { field: 'do_not_contact', op: 'is_false' },
      { field: 'churn_score', op: 'gte', value: input.riskThreshold },
      { any: [
        { field: 'deposit_balance', op: 'gte', value: input.minBalance },
        { field: 'segment', op: 'in', value: VALUED_SEGMENTS },
        { field: 'vip', op: 'is_true' },
      ] },
    ],
  }
}

/**
 * The retention program template: a saved selection of the high-risk, high-value clients and a
 * draft retention program (a call, the channel that keeps clients) on it, for the program economist
 * to plan from. The selection is saved first; a code taken leaves it for another try.
 */
export async function createRetentionTemplate(db: Kysely<Schema>, input: { body: RetentionTemplateBody; user: SessionUser; today: string }) {
  const { body, user } = input
  const riskThreshold = body.riskThreshold ?? (await newestChurnScoreQuantile(db, 1 - TOP_SHARE))
  if (riskThreshold === undefined) throw new DomainError('not_found', 'No churn model is scored', reason('churn.no_model'))
  const minBalance = body.minBalance ?? DEFAULT_MIN_BALANCE
  const rule = retentionRule({ riskThreshold, minBalance })
  const selection = await saveSelection(db, {
    name: `${body.code}: высокий риск ухода, высокая ценность`,
    description: `Удержание: churn_score ≥ ${riskThreshold.toFixed(4)}; остаток на вкладах ≥ ${minBalance} ₽, или премиальный сегмент, или VIP`,
    rule,
    user,
    today: input.today,
  })
  const program = await createProgram(db, {
    body: { code: body.code, name: 'Удержание клиентов с высоким риском ухода', goal: 'retention', channels: ['call'], selectionId: selection.id },
    actor: { id: user.id, login: user.login, role: user.role },
  })
  return { selectionId: selection.id, programCode: program.code, riskThreshold, minBalance, rule }
}
