import type { Kysely } from 'kysely'
import { CLEARANCE } from '../../core/clearance.ts'
import { clientScopeOf, DEFAULT_BRANCH_STAFF_SCOPE, isBranchStaffScope } from '../../core/client-scope.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { readBranchStaffScopeSetting } from '../../db/stores/access-setting-store.ts'
import { isClientInScope } from '../../db/stores/client-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import type { ClientAccess } from './client-search.ts'

/** What the viewer may search by and which clients they work with, from the bank's setting. */
export async function clientAccessOf(db: Kysely<Schema>, viewer: SessionUser): Promise<ClientAccess> {
  const cleared = CLEARANCE[viewer.role]
  if (viewer.role !== 'branch') return { cleared, scope: { kind: 'bank' } }
  const setting = await readBranchStaffScopeSetting(db)
  return { cleared, scope: clientScopeOf(viewer, isBranchStaffScope(setting) ? setting : DEFAULT_BRANCH_STAFF_SCOPE) }
}

/** Refuses a client outside the viewer's scope (the card, notes): 404 when there is no such client. */
export async function requireClientInScope(db: Kysely<Schema>, viewer: SessionUser, clientId: number): Promise<void> {
  const { scope } = await clientAccessOf(db, viewer)
  if (await isClientInScope(db, clientId, scope)) return
  if (scope.kind !== 'bank' && (await isClientInScope(db, clientId, { kind: 'bank' }))) {
    throw new DomainError('forbidden', `Client ${clientId} is served by another branch`, reason('client.out_of_scope', { id: clientId }))
  }
  throw new DomainError('not_found', `No client ${clientId}`, reason('client.not_found', { id: clientId }))
}
