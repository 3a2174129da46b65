import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ClientRequestBody, ClientRequestCounts, ClientRequestItem, ClientRequestList, ClientRequestPatch, RequestCountDimension } from '../../../../src/contract/client-request-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type RequestFilter = { client?: string; category?: string | null; segment?: string | null; branch?: string | null; uncategorised?: boolean; idea?: string | null; offset?: number }

function queryOf(filter: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== false && value !== '') query.set(key, String(value))
  const text = query.toString()
  return text ? `?${text}` : ''
}

/** The special requests the viewer may see, newest first (the server's scope and order). */
export function useClientRequests(filter: RequestFilter, enabled = true) {
  return useQuery({
    queryKey: ['client-requests', filter],
    queryFn: ({ signal }) => apiFetch<ClientRequestList>(`/api/requests${queryOf({ ...filter, limit: filter.client ? 100 : 50 })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useRequestCounts(by: RequestCountDimension, from: string | null) {
  return useQuery({
    queryKey: ['client-request-counts', by, from],
    queryFn: ({ signal }) => apiFetch<ClientRequestCounts>(`/api/requests/counts${queryOf({ by, from })}`, { signal }),
  })
}

const invalidate = (queryClient: ReturnType<typeof useQueryClient>) => {
  void queryClient.invalidateQueries({ queryKey: ['client-requests'] })
  void queryClient.invalidateQueries({ queryKey: ['client-request-counts'] })
  void queryClient.invalidateQueries({ queryKey: ['product-ideas'] })
}

export function useRecordClientRequest(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ClientRequestBody) => apiFetch<ClientRequestItem>(`/api/clients/${encodeURIComponent(clientId)}/requests`, { method: 'POST', json: body }),
    onSuccess: () => invalidate(queryClient),
  })
}

export function useCategoriseRequest() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ClientRequestPatch }) => apiFetch<ClientRequestItem>(`/api/requests/${id}`, { method: 'PATCH', json: patch }),
    onSuccess: () => invalidate(queryClient),
  })
}
