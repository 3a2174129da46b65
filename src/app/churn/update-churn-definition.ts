import type { Kysely } from 'kysely'
import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { knownProductCodes, saveChurnDefinition } from '../../db/stores/churn-definition-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { refreshChurnedClients } from './refresh-churned-clients.ts'
import { viewChurnDefinition } from './view-churn-definition.ts'

export type UpdateChurnDefinitionInput = { definition: ChurnDefinition; actor: AuditActor; today: string; now: Date }

/**
 * Sets the bank's churn definition (the head or the analyst): refused with the field named when no
 * criterion is on or a salary product is not in the catalogue; saved with its audit event (the old
 * value and the new) in one transaction, then the churned clients list is rebuilt under it.
 */
export async function updateChurnDefinition(db: Kysely<Schema>, input: UpdateChurnDefinitionInput): Promise<ChurnDefinition & { updatedAt: string | null }> {
  const { definition } = input
  if (!definition.allProductsClosed && definition.inactiveMonths === null && !definition.salaryCardStopped) {
    throw new DomainError('invalid_input', 'The churn definition needs a criterion', reason('churn.no_criterion', { field: 'allProductsClosed' }))
  }
  if (definition.salaryCardStopped && definition.salaryProducts.length === 0) {
    throw new DomainError('invalid_input', 'The salary card criterion needs salary products', reason('churn.no_salary_products', { field: 'salaryProducts' }))
  }
  await checkProductsExist(db, definition.salaryProducts)
  await db.transaction().execute(async (tx) => {
    const before = await viewChurnDefinition(tx)
    await saveChurnDefinition(tx, definition)
    await appendAuditEvent(tx, {
      userId: input.actor.id, login: input.actor.login, action: 'settings.churn_definition', entity: 'bank_settings', entityId: 'churn',
      details: { before: before.updatedAt === null ? null : { ...before, updatedAt: undefined }, after: definition },
    })
  })
  await refreshChurnedClients(db, { today: input.today, now: input.now })
  return viewChurnDefinition(db)
}

async function checkProductsExist(db: Kysely<Schema>, codes: readonly string[]): Promise<void> {
  const known = await knownProductCodes(db, codes)
  codes.forEach((code, i) => {
    if (!known.has(code)) throw new DomainError('invalid_input', `No product ${code}`, reason('churn.unknown_salary_product', { field: `salaryProducts[${i}]`, value: code }))
  })
}
