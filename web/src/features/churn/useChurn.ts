import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  ChurnCriterion,
  ChurnDefinition,
  ChurnReport,
  ChurnSignal,
  churnDefinitionView,
  churnedClientsView,
  churnModelReply,
  retentionTemplateView,
} from '../../../../src/contract/churn-schemas.ts'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'

export type ChurnDefinitionView = z.infer<typeof churnDefinitionView>
export type ChurnedClients = z.infer<typeof churnedClientsView>
export type ChurnModel = NonNullable<z.infer<typeof churnModelReply>['model']>

export function useChurnReport() {
  return useQuery({ queryKey: ['churn', 'report'], queryFn: ({ signal }) => apiFetch<ChurnReport>('/api/churn/report', { signal }) })
}

export function useChurnModel() {
  return useQuery({ queryKey: ['churn', 'model'], queryFn: ({ signal }) => apiFetch<z.infer<typeof churnModelReply>>('/api/churn/model', { signal }) })
}

export type ChurnedClientsFilter = { criterion: ChurnCriterion | null; signal: ChurnSignal | null; offset: number }

export function useChurnedClients(filter: ChurnedClientsFilter) {
  return useQuery({
    queryKey: ['churn', 'clients', filter],
    queryFn: ({ signal }) => apiFetch<ChurnedClients>(`/api/churn/clients${toQuery({ criterion: filter.criterion, signal: filter.signal, offset: filter.offset, limit: 25 })}`, { signal }),
    placeholderData: (previous) => previous,
  })
}

export function useChurnDefinition() {
  return useQuery({ queryKey: ['churn', 'definition'], queryFn: ({ signal }) => apiFetch<ChurnDefinitionView>('/api/churn/definition', { signal }) })
}

/** Saving the definition rebuilds the list: everything about churn is read again. */
export function useSaveChurnDefinition() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (definition: ChurnDefinition) => apiFetch<ChurnDefinitionView>('/api/churn/definition', { method: 'PUT', json: definition }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['churn'] }),
  })
}

export function useCreateRetentionTemplate() {
  return useMutation({
    mutationFn: (body: { code: string }) => apiFetch<z.infer<typeof retentionTemplateView>>('/api/churn/retention-template', { method: 'POST', json: body }),
  })
}
