import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'

export type AuditEvent = {
  id: number
  at: string
  login: string | null
  action: string
  entity: string | null
  entityId: string | null
  details: Record<string, unknown> | null
}

export type AuditFilters = { login: string; action: string; from: string; to: string; offset: number; limit: number }

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => apiFetch<{ total: number; items: AuditEvent[] }>(`/api/audit${toQuery(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
