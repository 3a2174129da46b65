import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { WaveRequest, WaveResult } from './selection-types.ts'

export function useBuildWave() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: WaveRequest) => apiFetch<WaveResult>('/api/waves', { method: 'POST', json: request }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['waves'] }),
  })
}
