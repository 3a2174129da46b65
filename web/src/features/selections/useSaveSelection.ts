import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { Rule, SavedSelection } from './selection-types.ts'

/** id null saves a new selection (also "save as"); otherwise a new version of that one. */
export type SaveSelectionInput = { id: number | null; name: string; description: string | null; rule: Rule }

export function useSaveSelection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: SaveSelectionInput) =>
      id === null
        ? apiFetch<SavedSelection>('/api/selections', { method: 'POST', json: body })
        : apiFetch<SavedSelection>(`/api/selections/${id}`, { method: 'PUT', json: body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['selection', saved.id], saved)
      void queryClient.invalidateQueries({ queryKey: ['selections'] })
    },
  })
}
