import { useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import { ApiError } from '../../api/api-error.ts'
import type { ProgramDetail, ProgramStatus } from './program-types.ts'
import { useProgramMutation } from './useProgramMutation.ts'

/**
 * A move sends the program's updatedAt as the page shows it: when someone changed the program
 * meanwhile the API refuses (program.changed_since_read) and the page reloads the program, so the
 * user decides on the numbers now in front of them.
 */
export function useMoveProgram(code: string) {
  const queryClient = useQueryClient()
  return useProgramMutation(async (move: { to: ProgramStatus; comment?: string; updatedAt?: string }) => {
    try {
      return await apiFetch<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}/transition`, { method: 'POST', json: move })
    } catch (error) {
      if (error instanceof ApiError && (error.details as { code?: string } | undefined)?.code === 'program.changed_since_read') void queryClient.invalidateQueries({ queryKey: ['program', code] })
      throw error
    }
  })
}
