import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { ClientFilters, ClientList } from './client-types.ts'

/** The query string of the list and of its export: the same filters give the same clients. */
export function clientFilterQuery(filters: ClientFilters, extra: Record<string, string> = {}): string {
  return toQuery({
    q: filters.q.trim(),
    branch: filters.branch,
    segment: filters.segment,
    status: filters.status,
    vip: filters.vip,
    sort: filters.sort,
    order: filters.sort ? filters.order : '',
    ...extra,
  })
}

export function useClients(filters: ClientFilters) {
  return useQuery({
    queryKey: ['clients', filters],
    queryFn: ({ signal }) =>
      apiFetch<ClientList>(`/api/clients${clientFilterQuery(filters, { limit: String(filters.limit), offset: String(filters.offset) })}`, { signal }),
    // The previous page stays on screen (dimmed) while the next one loads: no jumping table.
    placeholderData: keepPreviousData,
  })
}
