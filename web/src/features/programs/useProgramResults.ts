import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramResults } from '../../../../src/contract/program-results-schemas.ts'

export type { ArmResult, ProgramResults } from '../../../../src/contract/program-results-schemas.ts'

/** GET /api/programs/:code/results: each arm (a wave and its offer) against its control, per response type. */
export function useProgramResults(code: string) {
  return useQuery({
    queryKey: ['program-results', code],
    queryFn: ({ signal }) => apiFetch<ProgramResults>(`/api/programs/${encodeURIComponent(code)}/results`, { signal }),
  })
}
