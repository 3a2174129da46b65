import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { WavePreview, WaveRequest } from './selection-types.ts'

/** What building the wave would give, without building it: the policy funnel, target and control. */
export function useWavePreview() {
  return useMutation({
    mutationFn: (request: WaveRequest) => apiFetch<WavePreview>('/api/waves/preview', { method: 'POST', json: request }),
  })
}
