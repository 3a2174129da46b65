import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ClientCard } from './client-types.ts'

export function useClient(id: string) {
  return useQuery({
    queryKey: ['client', id],
    // Every read of the card is an audit event: no abort signal (an aborted read still reaches the
    // server and the log, and would be repeated), and no re-reads behind the user's back.
    queryFn: () => apiFetch<ClientCard>(`/api/clients/${encodeURIComponent(id)}`),
    staleTime: 60_000,
    refetchOnReconnect: false,
  })
}
