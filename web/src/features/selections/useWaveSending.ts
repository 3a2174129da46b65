import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { WaveSending } from '../../../../src/contract/wave-send-schemas.ts'

/** A wave's sending, read every 1.5 s while it is being sent (the live progress). */
export function useWaveSending(id: number) {
  return useQuery({
    queryKey: ['wave-sending', id],
    queryFn: ({ signal }) => apiFetch<WaveSending>(`/api/waves/${id}/sending`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'sending' || starting.has(id) ? 1500 : false),
  })
}

// Between the click and the job's first batch the wave still reads "not started": keep polling.
const starting = new Set<number>()

export function useSendWave(id: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<{ wave: number; job: string | null }>(`/api/waves/${id}/send`, { method: 'POST' }),
    onSuccess: () => {
      starting.add(id)
      setTimeout(() => starting.delete(id), 10_000)
      void queryClient.invalidateQueries({ queryKey: ['wave-sending', id] })
    },
  })
}
