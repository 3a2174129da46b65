import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { rolloutPlan, rolloutPlanRead, RolloutPlanBody } from '../../../../src/contract/rollout-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

/** POST /api/programs/:code/rollout-plan: a what-if, nothing stored. */
export type RolloutPlan = z.infer<typeof rolloutPlan>
export type RolloutPlanRead = z.infer<typeof rolloutPlanRead>
export type { RolloutPlanBody }

const path = (code: string) => `/api/programs/${encodeURIComponent(code)}/rollout-plan`

/** One cache entry per program's saved plan: the program page and the timeline read it, a save writes it. */
export const savedRolloutPlanQuery = (code: string) => ({
  queryKey: ['rollout-plan', code, 'saved'],
  queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<RolloutPlanRead>(path(code), { signal }),
})

/** The plan saved into the program (null while none is). */
export function useSavedRolloutPlan(code: string) {
  return useQuery(savedRolloutPlanQuery(code))
}

/** The plan for the inputs as they are now; the previous plan stays on screen while the next is computed. */
export function useRolloutWhatIf(code: string, body: RolloutPlanBody | null) {
  return useQuery({
    queryKey: ['rollout-plan', code, 'what-if', body],
    queryFn: ({ signal }) => apiFetch<RolloutPlan>(path(code), { method: 'POST', json: body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useSaveRolloutPlan(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RolloutPlanBody) => apiFetch<RolloutPlanRead>(path(code), { method: 'PUT', json: body }),
    onSuccess: (read) => queryClient.setQueryData(savedRolloutPlanQuery(code).queryKey, read),
  })
}
