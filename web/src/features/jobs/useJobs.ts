import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../api/api-fetch.ts'
import type { jobsView } from '../../../../src/contract/job-schemas.ts'

export type JobsView = z.infer<typeof jobsView>

/** GET /api/jobs: polled every 2 s while a job waits or runs or the profile is being rebuilt. */
export function useJobs(enabled: boolean) {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => apiFetch<JobsView>('/api/jobs?limit=20', { signal }),
    enabled,
    refetchInterval: (query) => {
      const view = query.state.data
      const busy = view?.profile?.rebuilding || view?.queues.some((q) => q.waiting > 0 || q.running > 0)
      return busy ? 2000 : 10_000
    },
  })
}
