import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ContactPolicyOverrides, ProgramPolicy } from './selection-types.ts'

/** Replaces a program's overrides; its next wave applies them, built waves keep theirs. */
export function useSaveProgramPolicy(programCode: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (overrides: ContactPolicyOverrides) =>
      apiFetch<ProgramPolicy>(`/api/programs/${encodeURIComponent(programCode)}/policy`, { method: 'PUT', json: { overrides } }),
    onSuccess: (saved) => queryClient.setQueryData(['program-policy', programCode], saved),
  })
}
