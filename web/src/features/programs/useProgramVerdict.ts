import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../api/api-fetch.ts'
import type { programVerdict, VerdictMonitoring } from '../../../../src/contract/verdict-schemas.ts'

/** GET /api/programs/:code/verdict (src/contract/verdict-schemas.ts). Money in roubles. */
export type ProgramVerdict = z.infer<typeof programVerdict>
export type ResponseVerdict = ProgramVerdict['responses'][number]
export type VerdictViewOptions = { cuped: boolean; monitoring: VerdictMonitoring }

const path = (code: string) => `/api/programs/${encodeURIComponent(code)}/verdict`

/** The pilot's verdict as the head asks for it: with CUPED and the always-valid interval or without. */
export function useProgramVerdict(code: string, options: VerdictViewOptions) {
  const query = new URLSearchParams({ cuped: String(options.cuped), monitoring: options.monitoring })
  return useQuery({
    queryKey: ['program-verdict', code, options.cuped, options.monitoring],
    queryFn: ({ signal }) => apiFetch<ProgramVerdict>(`${path(code)}?${query}`, { signal }),
  })
}

/** The head's explanation of a sample-ratio mismatch: a decision record; the verdict is judged again. */
export function useExplainSampleRatio(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (explanation: string) => apiFetch<ProgramVerdict>(`${path(code)}/explanation`, { method: 'POST', json: { explanation } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['program-verdict', code] })
      void queryClient.invalidateQueries({ queryKey: ['program', code] })
    },
  })
}
