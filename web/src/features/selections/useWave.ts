import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { WaveDetail } from './selection-types.ts'

export function useWave(id: number) {
  return useQuery({
    queryKey: ['wave', id],
    queryFn: ({ signal }) => apiFetch<WaveDetail>(`/api/waves/${id}`, { signal }),
  })
}
