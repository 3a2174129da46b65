import type { ClientStatus } from '../../contract/client-statuses.ts'
import type { PersonalField } from '../../contract/personal-fields.ts'
import type { Segment } from '../../contract/segments.ts'
import type { ClientScope } from '../../core/client-scope.ts'
import { parseClientQuery } from '../../core/parse-client-query.ts'
import type { ClientFilter } from '../../db/stores/client-store.ts'

/** The client list's filter as the API and the export take it. */
export type ClientSearch = {
  q?: string
  /** A branch code. */
  branch?: string
  segment?: Segment
  status?: ClientStatus
  vip?: boolean
  wave?: number
  group?: 'target' | 'control'
}

/** What the viewer may search by and which clients they work with (view-client-access.ts). */
export type ClientAccess = { cleared: readonly PersonalField[]; scope: ClientScope }

export function toClientFilter(search: ClientSearch, access: ClientAccess): ClientFilter {
  const q = search.q?.trim()
  return {
    scope: access.scope,
    ...(q && { query: parseClientQuery(q, access.cleared) }),
    branchCode: search.branch,
    segment: search.segment,
    status: search.status,
    vip: search.vip,
    waveId: search.wave,
    group: search.group,
  }
}

/**
 * The filter as an audit event records it: the query as typed (who looked for whom is what the
 * audit is for), never the rows found.
 */
export function describeClientSearch(search: ClientSearch): Record<string, unknown> {
  const { q, ...rest } = search
  const text = q?.trim()
  return { ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)), ...(text && { q: text }) }
}
