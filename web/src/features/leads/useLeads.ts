import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { LeadItem, LeadPatchBody } from '../../../../src/contract/lead-schemas.ts'
import type { LeadStatus } from '../../../../src/contract/lead-statuses.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type LeadFilter = { status: LeadStatus | null; program: string | null }

/** The viewer's leads, overdue follow-ups first (the server's order). */
export function useLeads(filter: LeadFilter) {
  const query = new URLSearchParams()
  if (filter.status) query.set('status', filter.status)
  if (filter.program) query.set('program', filter.program)
  const search = query.toString()
  return useQuery({
    queryKey: ['leads', filter],
    queryFn: ({ signal }) => apiFetch<LeadItem[]>(`/api/leads${search ? `?${search}` : ''}`, { signal }),
  })
}

/** A move, a follow-up date, or closing with the sale or the reason. */
export function useMoveLead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: LeadPatchBody }) => apiFetch<LeadItem>(`/api/leads/${id}`, { method: 'PATCH', json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['leads'] }),
  })
}

export function useAddLeadNote() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, text }: { id: number; text: string }) => apiFetch<LeadItem>(`/api/leads/${id}/notes`, { method: 'POST', json: { text } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['leads'] }),
  })
}
