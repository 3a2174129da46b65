import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { ClientList } from '../clients/client-types.ts'
import type { WaveGroup } from './selection-types.ts'

export type WaveMembersPage = { wave: number; group: WaveGroup; limit: number; offset: number }

/** The members of one group of a wave, through the client list (masked per role like the list). */
export function useWaveMembers(page: WaveMembersPage) {
  return useQuery({
    queryKey: ['clients', 'wave', page],
    queryFn: ({ signal }) => apiFetch<ClientList>(`/api/clients${toQuery(page)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
