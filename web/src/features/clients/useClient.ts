import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ClientCard } from './client-types.ts'

export function useClient(id: string) {
  return useQuery({
    queryKey: ['client', id],
    queryFn: ({ signal }) => apiFetch<ClientCard>(`/api/clients/${encodeURIComponent(id)}`, { signal }),
    // Every read of the card is an audit event: do not re-read it behind the user's back.
    staleTime: 5 * 60_000,
  })
}
