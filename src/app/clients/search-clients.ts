import type { Kysely } from 'kysely'
import { checkClientPage, CLIENT_LIST_BOUNDS, type ClientListBounds } from '../../core/client-list-bounds.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { searchClients as searchClientStore, type ClientListItem, type ClientPage } from '../../db/stores/client-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { clientAccessOf } from './client-access-of.ts'
import { describeClientSearch, toClientFilter, type ClientSearch } from './client-search.ts'

export type SearchClientsInput = { viewer: SessionUser; search: ClientSearch; page: ClientPage }

/** A page of clients, with how far the viewer's role may page (the web pager offers no more). */
export type ClientListPage = { total: number; items: ClientListItem[]; bounds: ClientListBounds }

/**
 * One page of the client list (a search, a filter, a wave's members) within the viewer's scope
 * and the role's paging bounds, personal fields masked for the role. Every read is an audit event
 * with the query and the count, written before the rows leave.
 */
export async function searchClients(db: Kysely<Schema>, input: SearchClientsInput): Promise<ClientListPage> {
  const { viewer, page } = input
  checkClientPage(viewer.role, page)
  const access = await clientAccessOf(db, viewer)
  const result = await searchClientStore(db, { filter: toClientFilter(input.search, access), page })
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'client.list',
    entity: 'client',
    details: { filter: describeClientSearch(input.search), page: { ...page }, total: result.total, shown: result.items.length },
  })
  return { total: result.total, items: result.items.map((item) => maskPersonalData(viewer.role, item)), bounds: CLIENT_LIST_BOUNDS[viewer.role] }
}
