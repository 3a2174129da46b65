import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { RoleClearance } from './user-types.ts'

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => apiFetch<{ items: RoleClearance[] }>('/api/roles', { signal }),
    staleTime: Infinity,
  })
}
