import { apiFetch } from '../../api/api-fetch.ts'
import type { ProgramDetail, ProgramStatus } from './program-types.ts'
import { useProgramMutation } from './useProgramMutation.ts'

export function useMoveProgram(code: string) {
  return useProgramMutation((move: { to: ProgramStatus; comment?: string }) =>
    apiFetch<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}/transition`, { method: 'POST', json: move }),
  )
}
