import { z } from 'zod'

// GET /api/jobs: what runs in the background (pg-boss queues on the app's database), shared by the
// route and the web. Job data carries ids only (an import's id, a refresh's day), no client data.

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const

export const jobsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) })

export const jobsView = z.object({
  queues: z.array(z.object({ queue: z.string(), waiting: z.number(), running: z.number(), completed: z.number(), failed: z.number() })),
  jobs: z.array(z.object({
    id: z.string(),
    queue: z.string(),
    /** created/retry: waiting; active: running; failed: after its last try (then in `<queue>.dead`). */
    state: z.enum(JOB_STATES),
    data: z.record(z.string(), z.unknown()),
    /** What the job returned (an import's status and counts, a refresh's) or its error. */
    output: z.record(z.string(), z.unknown()).nullable(),
    retryCount: z.number(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })),
  /** The selection profile: during a full rebuild, `refreshed` of `clients` so far. */
  profile: z.object({ asOf: z.string(), rebuilding: z.boolean(), refreshed: z.number(), clients: z.number() }).nullable(),
})
