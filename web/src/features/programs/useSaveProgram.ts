import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramDetail, ProgramPlan } from './program-types.ts'
import { useProgramMutation } from './useProgramMutation.ts'

/** PATCH: only the fields given change (an edit of what an approval rests on voids it, server-side). */
export function useSaveProgram(code: string) {
  return useProgramMutation((changes: Partial<ProgramPlan>) => apiFetch<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}`, { method: 'PATCH', json: changes }))
}
