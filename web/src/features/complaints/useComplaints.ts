import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ComplaintAnalysis, ComplaintDetail, ComplaintItem, ComplaintMoveBody, ComplaintRegisterInput } from '../../../../src/contract/complaint-schemas.ts'
import type { ComplaintStatus } from '../../../../src/contract/complaint-statuses.ts'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'

export type ComplaintFilter = { overdue: boolean; status: ComplaintStatus | null; category: string | null; channel: string | null; branch: number | null; client?: number }

/** The register, overdue first (the server's order). */
export function useComplaints(filter: ComplaintFilter) {
  const query = toQuery({
    overdue: filter.overdue ? 'true' : undefined, status: filter.status ?? undefined, category: filter.category ?? undefined,
    channel: filter.channel ?? undefined, branch: filter.branch ?? undefined, client: filter.client,
  })
  return useQuery({
    queryKey: ['complaints', filter],
    queryFn: ({ signal }) => apiFetch<{ today: string; items: ComplaintItem[] }>(`/api/complaints${query}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useComplaint(id: string) {
  return useQuery({ queryKey: ['complaints', 'one', id], queryFn: ({ signal }) => apiFetch<ComplaintDetail>(`/api/complaints/${id}`, { signal }) })
}

export function useComplaintAnalysis() {
  return useQuery({ queryKey: ['complaints', 'analysis'], queryFn: ({ signal }) => apiFetch<ComplaintAnalysis>('/api/complaints/analysis', { signal }) })
}

export function useRegisterComplaint() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ComplaintRegisterInput) => apiFetch<ComplaintDetail>('/api/complaints', { method: 'POST', json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['complaints'] }),
  })
}

export function useMoveComplaint(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ComplaintMoveBody) => apiFetch<ComplaintDetail>(`/api/complaints/${id}/moves`, { method: 'POST', json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['complaints'] }),
  })
}
