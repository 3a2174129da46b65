import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { RegionList } from './client-types.ts'

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => apiFetch<RegionList>('/api/regions', { signal }),
    staleTime: 10 * 60_000,
  })
}
