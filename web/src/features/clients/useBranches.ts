import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { Branch } from './client-types.ts'

export function useBranches() {
  return useQuery({
    queryKey: ['branches'],
    queryFn: ({ signal }) => apiFetch<{ items: Branch[] }>('/api/branches', { signal }),
    staleTime: 10 * 60_000,
  })
}
