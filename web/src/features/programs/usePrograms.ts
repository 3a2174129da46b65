import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { ProgramList } from './program-types.ts'

export type ProgramFilter = { status?: string; goal?: string; awaiting?: 'me'; from?: string; to?: string; limit: number; offset: number }

/** The registry, newest first, with each program's key figures. */
export function usePrograms(filter: ProgramFilter) {
  return useQuery({
    queryKey: ['programs', filter],
    queryFn: ({ signal }) => apiFetch<ProgramList>(`/api/programs${toQuery(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
