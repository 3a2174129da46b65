import type { Kysely } from 'kysely'
import { BRANCH_STAFF_SCOPES, isBranchStaffScope, type BranchStaffScope } from '../../core/client-scope.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { writeBranchStaffScopeSetting } from '../../db/stores/access-setting-store.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'

export type SetBranchStaffScopeInput = { scope: string; actor: AuditActor }

/** Sets which clients branch staff work with (core/client-scope.ts); the change is an audit event. */
export async function setBranchStaffScope(db: Kysely<Schema>, input: SetBranchStaffScopeInput): Promise<BranchStaffScope> {
  const { scope } = input
  if (!isBranchStaffScope(scope)) {
    throw new DomainError('invalid_input', `The branch staff scope must be one of ${BRANCH_STAFF_SCOPES.join(', ')}`, reason('settings.bad_branch_scope', { value: scope, allowed: BRANCH_STAFF_SCOPES.join(', ') }))
  }
  await db.transaction().execute(async (trx) => {
    await writeBranchStaffScopeSetting(trx, scope)
    await appendAuditEvent(trx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'settings.branch_staff_scope',
      entity: 'bank_settings',
      entityId: 'branch_staff_scope',
      details: { scope },
    })
  })
  return scope
}
