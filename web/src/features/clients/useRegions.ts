import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'

export type Region = { code: string; name: string }

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => apiFetch<{ items: Region[] }>('/api/regions', { signal }),
    staleTime: 10 * 60_000,
  })
}
