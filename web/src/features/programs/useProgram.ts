import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramDetail } from './program-types.ts'

export function useProgram(code: string) {
  return useQuery({
    queryKey: ['program', code],
    queryFn: ({ signal }) => apiFetch<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}`, { signal }),
  })
}
