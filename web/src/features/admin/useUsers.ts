import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { UserList } from './user-types.ts'

export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiFetch<UserList>('/api/users', { signal }),
    enabled,
  })
}
