import { useQueries } from '@tanstack/react-query'
import { savedRolloutPlanQuery, type RolloutPlanRead } from './useRolloutPlan.ts'

export type SavedRolloutPlan = NonNullable<RolloutPlanRead['saved']>

/**
 * The rollout plans saved into the programs (GET /api/programs/:code/rollout-plan), by program code;
 * none for a role that may not read them. The same cache entries as the program page's, so a plan
 * saved there shows on the timeline at once.
 */
export function useSavedRolloutPlans(codes: readonly string[], enabled: boolean): Map<string, SavedRolloutPlan> {
  const results = useQueries({
    queries: codes.map((code) => ({ ...savedRolloutPlanQuery(code), enabled, staleTime: 60_000 })),
  })
  const plans = new Map<string, SavedRolloutPlan>()
  results.forEach((result, i) => {
    if (result.data?.saved) plans.set(codes[i]!, result.data.saved)
  })
  return plans
}
