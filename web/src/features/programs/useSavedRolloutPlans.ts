import { useQueries } from '@tanstack/react-query'
import type { z } from 'zod'
import type { rolloutPlanRead } from '../../../../src/contract/rollout-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type SavedRolloutPlan = NonNullable<z.infer<typeof rolloutPlanRead>['saved']>

/** The rollout plans saved into the programs (GET /api/programs/:code/rollout-plan), by program code; none for a role that may not read them. */
export function useSavedRolloutPlans(codes: readonly string[], enabled: boolean): Map<string, SavedRolloutPlan> {
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['program', code, 'rollout-plan'],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<z.infer<typeof rolloutPlanRead>>(`/api/programs/${encodeURIComponent(code)}/rollout-plan`, { signal }),
      enabled,
      staleTime: 60_000,
    })),
  })
  const plans = new Map<string, SavedRolloutPlan>()
  results.forEach((result, i) => {
    if (result.data?.saved) plans.set(codes[i]!, result.data.saved)
  })
  return plans
}
