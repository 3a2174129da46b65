import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../api/api-fetch.ts'
import type { responsePrograms } from '../../../../src/contract/response-schemas.ts'

/** The programs a file of responses can be loaded for: those with a wave (GET /api/responses/programs). */
export function useResponsePrograms(enabled: boolean) {
  return useQuery({
    queryKey: ['response-programs'],
    queryFn: ({ signal }) => apiFetch<z.infer<typeof responsePrograms>>('/api/responses/programs', { signal }),
    enabled,
  })
}
