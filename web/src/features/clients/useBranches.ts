import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { BranchList } from './client-types.ts'

export function useBranches() {
  return useQuery({
    queryKey: ['branches'],
    queryFn: ({ signal }) => apiFetch<BranchList>('/api/branches', { signal }),
    staleTime: 10 * 60_000,
  })
}
