import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../api/api-fetch.ts'
import type { pilotDesign, pilotDesignBody } from '../../../../src/contract/pilot-design-schemas.ts'

/** POST /api/programs/:code/pilot-design */
export type PilotDesign = z.infer<typeof pilotDesign>
export type PilotDesignRequest = z.input<typeof pilotDesignBody>

/**
 * The pilot design for the inputs typed (a what-if: nothing is stored, so it is read like a query,
 * again whenever the inputs or the program change); the last answer stays while the next comes.
 */
export function usePilotDesign(code: string, request: PilotDesignRequest, programVersion: string, enabled: boolean) {
  return useQuery({
    queryKey: ['pilot-design', code, request, programVersion],
    queryFn: () => apiFetch<PilotDesign>(`/api/programs/${encodeURIComponent(code)}/pilot-design`, { method: 'POST', json: request }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  })
}
