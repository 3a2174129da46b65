import type { Kysely } from 'kysely'
import type { ChurnedClientsQuery } from '../../contract/churn-schemas.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listChurnedClients as listChurnedClientStore, readChurnRefreshedAt, type ChurnedClientListRow } from '../../db/stores/churned-client-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

export type ChurnedClientsPage = { total: number; refreshedAt: string | null; items: ChurnedClientListRow[] }

/**
 * A page of the churned clients with the reasons the bank knows, the phone masked for a role
 * without clearance; the read is an audit event with the filter and the count.
 */
export async function listChurnedClients(db: Kysely<Schema>, input: { viewer: SessionUser; query: ChurnedClientsQuery }): Promise<ChurnedClientsPage> {
  const { viewer, query } = input
  const result = await listChurnedClientStore(db, query)
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'churn.list',
    entity: 'client',
    details: { filter: { ...query }, total: result.total, shown: result.items.length },
  })
  return { total: result.total, refreshedAt: await readChurnRefreshedAt(db), items: result.items.map((item) => maskPersonalData(viewer.role, item)) }
}
