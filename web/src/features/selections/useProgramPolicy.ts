import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramPolicy } from './selection-types.ts'

/** A program's overrides of the contact policy; nothing is asked until a code is entered. */
export function useProgramPolicy(programCode: string) {
  return useQuery({
    queryKey: ['program-policy', programCode],
    enabled: programCode !== '',
    queryFn: ({ signal }) => apiFetch<ProgramPolicy>(`/api/programs/${encodeURIComponent(programCode)}/policy`, { signal }),
  })
}
