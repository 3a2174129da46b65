import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ContactPolicy, ContactPolicyVersion } from './selection-types.ts'

/** Saves the policy as a new version; waves already built keep the version they were built with. */
export function useSaveContactPolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (policy: ContactPolicy) => apiFetch<ContactPolicyVersion>('/api/contact-policy', { method: 'PUT', json: policy }),
    onSuccess: (saved) => queryClient.setQueryData(['contact-policy'], saved),
  })
}
