import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ResponseDefinition } from '../../../../src/contract/response-definition.ts'

export type ResponseDefinitionView = { program: string; definition: ResponseDefinition | null; windowDays: number }

const path = (code: string) => `/api/programs/${encodeURIComponent(code)}/response-definition`

/** GET /api/programs/:code/response-definition: what counts as the program's response, and its window. */
export function useResponseDefinition(code: string) {
  return useQuery({ queryKey: ['response-definition', code], queryFn: ({ signal }) => apiFetch<ResponseDefinitionView>(path(code), { signal }) })
}

/** PUT it: the results and the verdict count by it from the next attribution on. */
export function useSaveResponseDefinition(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (definition: ResponseDefinition | null) => apiFetch<ResponseDefinitionView>(path(code), { method: 'PUT', json: { definition } }),
    onSuccess: (view) => queryClient.setQueryData(['response-definition', code], view),
  })
}
