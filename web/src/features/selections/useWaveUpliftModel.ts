import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { WaveUpliftModel } from '../../../../src/contract/uplift-model-schemas.ts'

export type { WaveUpliftModel } from '../../../../src/contract/uplift-model-schemas.ts'

/** GET /api/waves/:id/uplift-model: the newest uplift model trained on the wave (otklik model uplift), or null. */
export function useWaveUpliftModel(waveId: number) {
  return useQuery({
    queryKey: ['wave-uplift-model', waveId],
    queryFn: ({ signal }) => apiFetch<WaveUpliftModel>(`/api/waves/${waveId}/uplift-model`, { signal }),
  })
}
