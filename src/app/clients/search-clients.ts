import type { Kysely } from 'kysely'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { searchClients as searchClientStore, type ClientListItem, type ClientPage } from '../../db/stores/client-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { toClientFilter, type ClientSearch } from './client-search.ts'

export type SearchClientsInput = { viewer: SessionUser; search: ClientSearch; page: ClientPage }

/** One page of the client list, personal fields masked for the viewer's role. */
export async function searchClients(
  db: Kysely<Schema>,
  input: SearchClientsInput,
): Promise<{ total: number; items: ClientListItem[] }> {
  const result = await searchClientStore(db, { filter: toClientFilter(input.search), page: input.page })
  return { total: result.total, items: result.items.map((item) => maskPersonalData(input.viewer.role, item)) }
}
