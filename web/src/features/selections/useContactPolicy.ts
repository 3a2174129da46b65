import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ContactPolicyVersion } from './selection-types.ts'

export function useContactPolicy() {
  return useQuery({
    queryKey: ['contact-policy'],
    queryFn: ({ signal }) => apiFetch<ContactPolicyVersion>('/api/contact-policy', { signal }),
  })
}
