import { parseClientQuery } from '../../core/parse-client-query.ts'
import type { ClientFilter } from '../../db/stores/client-store.ts'

/** The client list's filter as the API and the export take it. */
export type ClientSearch = {
  q?: string
  /** A branch code. */
  branch?: string
  segment?: string
  status?: string
  vip?: boolean
  wave?: number
  group?: 'target' | 'control'
}

export function toClientFilter(search: ClientSearch): ClientFilter {
  const q = search.q?.trim()
  return {
    ...(q && { query: parseClientQuery(q) }),
    branchCode: search.branch,
    segment: search.segment,
    status: search.status,
    vip: search.vip,
    waveId: search.wave,
    group: search.group,
  }
}

/** The filter as an audit event records it: the search text is personal data, so only its presence. */
export function describeClientSearch(search: ClientSearch): Record<string, unknown> {
  const { q, ...rest } = search
  return { ...rest, ...(q?.trim() && { q: '[redacted]' }) }
}
