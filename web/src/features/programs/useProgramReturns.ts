import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramReturns } from '../../../../src/contract/program-returns-schemas.ts'

export type { ProgramReturn, ProgramReturns } from '../../../../src/contract/program-returns-schemas.ts'

/** GET /api/program-returns: which programs paid, the most profitable first. */
export function useProgramReturns() {
  return useQuery({ queryKey: ['program-returns'], queryFn: ({ signal }) => apiFetch<ProgramReturns>('/api/program-returns', { signal }) })
}
