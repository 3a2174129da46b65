import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramDetail, ProgramGoal } from './program-types.ts'
import { useProgramMutation } from './useProgramMutation.ts'

export function useCreateProgram() {
  return useProgramMutation((body: { code: string; name: string; goal: ProgramGoal }) => apiFetch<ProgramDetail>('/api/programs', { method: 'POST', json: body }))
}
