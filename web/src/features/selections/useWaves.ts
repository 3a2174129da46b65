import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { WaveList } from './selection-types.ts'

export type WavePage = { program?: string; limit: number; offset: number }

/** Built waves, newest first. */
export function useWaves(page: WavePage) {
  return useQuery({
    queryKey: ['waves', page],
    queryFn: ({ signal }) => apiFetch<WaveList>(`/api/waves${toQuery(page)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
