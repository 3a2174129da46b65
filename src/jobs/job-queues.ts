// Every pg-boss queue Otklik uses, declared once (issue 8, item 2). pg-boss's defaults are not what
// its documentation suggests — a job retries twice unless told, and send() to a queue that was never
// created drops the job without an error — so each queue states its retries, back-off, expiry and
// dead-letter queue here, and jobs are sent only through sendJob (start-jobs.ts), which knows only
// these names. Exactly-once is not the queue's business: a job may run twice (a retry after a
// worker died), so every job's work is idempotent in Otklik's own tables (issue 8, item 3).

export type QueueDeclaration = {
  /** Tries after the first: a job that fails retryLimit + 1 times goes to the dead-letter queue. */
  retryLimit: number
  /** Seconds before the first retry. */
  retryDelay: number
  /** Doubles the delay on each retry (with jitter, pg-boss's back-off). */
  retryBackoff: boolean
  /** A job running longer than this is failed (and retried): the worker is presumed dead. */
  expireInSeconds: number
  /** Completed and failed jobs are kept this long for the UI's history, then archived. */
  retentionMinutes: number
}

const DEAD_LETTER: QueueDeclaration = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, retentionMinutes: 60 * 24 * 30 }

export const JOB_QUEUES = {
  /** The test of the job runner itself (jobs.db.test.ts): real pg-boss on both databases. */
  'otklik.check': { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30, retentionMinutes: 60 },
} as const satisfies Record<string, QueueDeclaration>

export type QueueName = keyof typeof JOB_QUEUES

/** Where a queue's jobs go after their last try: `<queue>.dead`, kept a month for a person to look at. */
export function deadLetterQueue(queue: QueueName): string {
  return `${queue}.dead`
}

export const DEAD_LETTER_DECLARATION = DEAD_LETTER
