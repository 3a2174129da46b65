import type { Database } from '../../db/open-database.ts'
import { countJobsByQueue, listRecentJobs, type JobSummary, type QueueCounts } from '../../db/stores/job-store.ts'
import { viewProfileRefresh, type ProfileRefreshProgress } from '../selection/run-profile-refresh-job.ts'

export type JobsView = {
  queues: QueueCounts[]
  /** Newest first. */
  jobs: JobSummary[]
  /** The selection profile's refresh: a full rebuild's progress, or where the profile stands. */
  profile: Omit<ProfileRefreshProgress, 'coveredSince'> | null
}

/** What runs in the background (GET /api/jobs, `otklik jobs`): the queues, the latest jobs, the profile refresh. */
export async function viewJobs(db: Database, input: { limit: number }): Promise<JobsView> {
  const queues = await countJobsByQueue(db.kysely)
  const jobs = await listRecentJobs(db.kysely, input.limit)
  const progress = await viewProfileRefresh(db)
  const profile = progress && { asOf: progress.asOf, rebuilding: progress.rebuilding, refreshed: progress.refreshed, clients: progress.clients }
  return { queues, jobs, profile }
}
