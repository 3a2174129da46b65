import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { SelectionList } from './selection-types.ts'

/** Every saved selection, by name (a department has dozens, not thousands). */
export function useSelections() {
  return useQuery({
    queryKey: ['selections'],
    queryFn: ({ signal }) => apiFetch<SelectionList>('/api/selections', { signal }),
  })
}
