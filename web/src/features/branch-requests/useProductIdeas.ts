import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ProductIdeaBody, ProductIdeaEvidenceBody, ProductIdeaItem } from '../../../../src/contract/product-idea-schemas.ts'
import type { ProductIdeaStatus } from '../../../../src/contract/product-idea-statuses.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export function useProductIdeas(enabled = true) {
  return useQuery({ queryKey: ['product-ideas'], queryFn: ({ signal }) => apiFetch<ProductIdeaItem[]>('/api/product-ideas', { signal }), enabled })
}

/** Every change to an idea answers the idea; the board and the requests' idea links are read again. */
function useIdeaMutation<V>(request: (vars: V) => Promise<ProductIdeaItem>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['product-ideas'] })
      void queryClient.invalidateQueries({ queryKey: ['client-requests'] })
    },
  })
}

export const useCreateIdea = () => useIdeaMutation((body: ProductIdeaBody) => apiFetch<ProductIdeaItem>('/api/product-ideas', { method: 'POST', json: body }))

export const useMoveIdea = () =>
  useIdeaMutation(({ id, to }: { id: number; to: ProductIdeaStatus }) => apiFetch<ProductIdeaItem>(`/api/product-ideas/${id}/transition`, { method: 'POST', json: { to } }))

export const useIdeaEvidence = () =>
  useIdeaMutation(({ id, body }: { id: number; body: Partial<ProductIdeaEvidenceBody> }) => apiFetch<ProductIdeaItem>(`/api/product-ideas/${id}/evidence`, { method: 'POST', json: body }))
