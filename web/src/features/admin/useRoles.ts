import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { RoleClearanceList } from './user-types.ts'

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => apiFetch<RoleClearanceList>('/api/roles', { signal }),
    staleTime: Infinity,
  })
}
