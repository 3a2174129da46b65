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
  /**
   * pg-boss's queue policy: `short` keeps one waiting job per singleton key (the same import sent
   * twice waits once), `stately` one waiting and one running (a refresh asked for during a refresh
   * waits once). Standard when absent.
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately'
}

const DEAD_LETTER: QueueDeclaration = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, retentionMinutes: 60 * 24 * 30 }

export const JOB_QUEUES = {
  /** The test of the job runner itself (jobs.db.test.ts): real pg-boss on both databases. */
  'otklik.check': { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30, retentionMinutes: 60 },
  /**
   * One uploaded import (data: { importId }, singleton key the id). Exactly once is in the import's
   * row (app/import/run-import-job.ts): a retry finds it finished or running and does nothing, so
   * retries are safe and only matter when a worker died before it could claim the run.
   * - retryLimit 2: a database hiccup at the claim gets two more tries; a bad file is not retried
   *   (it fails in its row, and the job completes).
   * - retryDelay 30 s, back-off: a restarting database gets time; an import is not urgent to the second.
   * - expireInSeconds 4 h: a 2 GB file takes well under that on one core; a job older than that has
   *   a dead worker (a live one still holds the run, and the retry leaves it alone).
   * - a month of history, like the imports page shows.
   */
  'otklik.import': { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 4 * 60 * 60, retentionMinutes: 60 * 24 * 30, policy: 'short' },
  /**
   * The selection profile's refresh (data: { full, requestedAt, today }, singleton key 'profile-rebuild'
   * or 'profile-update').
   * Its state is the profile's own (the sweep position, the queue of changed clients), so a retry or
   * a second job resumes where the last batch stopped; two requests at once make one rebuild.
   * - retryLimit 3, retryDelay 10 s, back-off: a batch that lost the database is harmless to redo.
   * - expireInSeconds 15 min: a full rebuild of a million clients is minutes. A job of a worker that
   *   died holds the queue's one running place (stately) until it expires, and a rebuild that is merely
   *   slow loses nothing when it does: the retry shares the batches under the profile's writer lock.
   * - stately: one waiting and one running of each key at most; a burst of requests waits once.
   * - a week of history: the server's timer sends one every few minutes.
   */
  'otklik.profile-refresh': { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60, retentionMinutes: 60 * 24 * 7, policy: 'stately' },
  /**
   * Sending a wave (app/wave/send-wave.ts). A retry is safe — the contacts table, not the queue,
   * knows what was sent — so a worker that died is simply retried, three times a minute apart and
   * doubling. A 1M-member wave at the relay's rate takes hours: the expiry is generous, and a second
   * worker that starts on an expired job finds the wave's send lock held and ends at once.
   */
  'otklik.wave-send': { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 6 * 3600, retentionMinutes: 60 * 24 * 7 },
} as const satisfies Record<string, QueueDeclaration>

export type QueueName = keyof typeof JOB_QUEUES

/** Where a queue's jobs go after their last try: `<queue>.dead`, kept a month for a person to look at. */
export function deadLetterQueue(queue: QueueName): string {
  return `${queue}.dead`
}

export const DEAD_LETTER_DECLARATION = DEAD_LETTER
