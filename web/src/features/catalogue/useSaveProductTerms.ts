import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { productChange, ProductChanges } from '../../../../src/contract/reference-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

/** The answer of PATCH /api/products/:code. */
export type ProductChange = z.infer<typeof productChange>

/** Changes a product's terms; the catalogue and every program's case read them again. */
export function useSaveProductTerms() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; changes: ProductChanges }) =>
      apiFetch<ProductChange>(`/api/products/${encodeURIComponent(input.code)}`, { method: 'PATCH', json: input.changes }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['products'] })
      void queryClient.invalidateQueries({ queryKey: ['programs'] })
      void queryClient.invalidateQueries({ queryKey: ['program'] })
    },
  })
}
