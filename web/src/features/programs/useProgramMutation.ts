import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ProgramDetail } from './program-types.ts'

/** Creating, editing and moving a program all answer the program: its page shows it at once, the registry refetches. */
export function useProgramMutation<I>(send: (input: I) => Promise<ProgramDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSuccess: (program) => {
      queryClient.setQueryData(['program', program.code], program)
      void queryClient.invalidateQueries({ queryKey: ['programs'] })
    },
  })
}
