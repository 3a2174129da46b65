import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ResponseCurveView } from '../../../../src/contract/response-curve-schemas.ts'

export type { ResponseCurve, ResponseCurveView } from '../../../../src/contract/response-curve-schemas.ts'

/** GET /api/programs/:code/response-curve: the cumulative response curves, the program's pooled first, then each wave's. */
export function useResponseCurve(code: string) {
  return useQuery({
    queryKey: ['program-response-curve', code],
    queryFn: ({ signal }) => apiFetch<ResponseCurveView>(`/api/programs/${encodeURIComponent(code)}/response-curve`, { signal }),
  })
}
