import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { SavedSelection } from './selection-types.ts'

export function useSelection(id: number | null) {
  return useQuery({
    queryKey: ['selection', id],
    queryFn: ({ signal }) => apiFetch<SavedSelection>(`/api/selections/${id}`, { signal }),
    enabled: id !== null,
    // The editor takes the saved rule once; a background refetch must not overwrite what is being edited.
    staleTime: Infinity,
  })
}
