import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { AuditList } from './audit-types.ts'

export type AuditFilters = { login: string; action: string; from: string; to: string; offset: number; limit: number }

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => apiFetch<AuditList>(`/api/audit${toQuery(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
