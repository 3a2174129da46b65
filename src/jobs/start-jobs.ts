import PgBoss from 'pg-boss'
import type { Database } from '../db/open-database.ts'
import { DEAD_LETTER_DECLARATION, deadLetterQueue, JOB_QUEUES, type QueueName } from './job-queues.ts'

// pg-boss runs in Otklik's own database (schema `pgboss`) through the one pool every query uses:
// on PGlite that pool holds the only connection, and a second pool would interleave transactions
// and lose writes. pg-boss's own pool is never opened (its `db` option).

export type Jobs = {
  boss: PgBoss
  /** Sends a job to a declared queue; undefined when a singleton key already has a job waiting. */
  send<Q extends QueueName>(queue: Q, data: object, options?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>
  /**
   * Works a declared queue. A job fetched after stop() began is handed back (failed, so pg-boss
   * runs it again as declared) instead of run against a database about to close.
   */
  work<T extends object>(queue: QueueName, options: PgBoss.WorkOptions, handler: (job: PgBoss.Job<T>) => Promise<unknown>): Promise<string>
  /** Stops the workers and returns once no statement of pg-boss's is still running on the pool. */
  stop(): Promise<void>
}

export type StartJobsInput = {
  db: Database
  /** Errors of pg-boss's own loops (maintenance, polling): logged, never thrown into a request. */
  onError: (error: Error) => void
  /** Seconds between pg-boss's maintenance runs (expiring and archiving jobs); tests pass less. */
  maintenanceIntervalSeconds?: number
}

const SETTLE_POLL_MS = 20
const SETTLE_TIMEOUT_MS = 30_000

export async function startJobs(input: StartJobsInput): Promise<Jobs> {
  // pg-boss neither awaits a job's complete()/fail() nor waits for a fetch in flight when it stops:
  // without this count, the caller could close the pool under them (an unhandled rejection, a job
  // left active). stop() waits until none is running.
  let running = 0
  let stopping = false
  const executeSql = async (text: string, values?: unknown[]) => {
    running++
    try {
      return await input.db.pool.query(text, values)
    } finally {
      running--
    }
  }
  const boss = new PgBoss({
    db: { executeSql },
    schema: 'pgboss',
    // One process is the supervisor of its own database: it expires and archives jobs.
    supervise: true,
    maintenanceIntervalSeconds: input.maintenanceIntervalSeconds ?? 120,
    // pg-boss's schedules (cron) are not used: nothing runs on a timer behind the user's back.
    schedule: false,
  })
  boss.on('error', input.onError)
  await boss.start()
  for (const [queue, declaration] of Object.entries(JOB_QUEUES) as [QueueName, (typeof JOB_QUEUES)[QueueName]][]) {
    const dead = deadLetterQueue(queue)
    await declareQueue(boss, dead, DEAD_LETTER_DECLARATION)
    await declareQueue(boss, queue, { ...declaration, deadLetter: dead })
  }
  if (input.db.kind === 'pglite') await failJobsLeftActive(boss, input.db)
  return {
    boss,
    async send(queue, data, options = {}) {
      if (!(queue in JOB_QUEUES)) throw new Error(`no queue ${queue} is declared (src/jobs/job-queues.ts)`)
      return boss.send(queue, data, { ...options })
    },
    async work<T extends object>(queue: QueueName, options: PgBoss.WorkOptions, handler: (job: PgBoss.Job<T>) => Promise<unknown>) {
      return boss.work<T>(queue, { ...options, batchSize: 1 }, async ([job]) => {
        if (!job) return undefined
        if (stopping) throw new Error('Otklik stopped before the job ran; it runs again')
        return handler(job)
      })
    },
    async stop() {
      stopping = true
      await boss.stop({ graceful: true, wait: true, close: false })
      const deadline = Date.now() + SETTLE_TIMEOUT_MS
      // Two quiet looks in a row: a completion is sent in the same turn its handler ends.
      for (let quiet = 0; quiet < 2 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))
        quiet = running === 0 ? quiet + 1 : 0
      }
    },
  }
}

/** Creates the queue, or brings an existing one to its declaration (a later version may change it). */
async function declareQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  await boss.createQueue(name, { name, ...options })
  await boss.updateQueue(name, { name, ...options })
}

/**
 * On PGlite only this process has the database open, so a job still active at start was left by a
 * process that stopped (a crash, a kill): failed now, pg-boss retries it as declared instead of
 * showing it running until it expires. (On a server another process may be running it.)
 */
async function failJobsLeftActive(boss: PgBoss, db: Database): Promise<void> {
  const { rows } = await db.pool.query<{ name: string; ids: string[] }>("SELECT name, array_agg(id::text) AS ids FROM pgboss.job WHERE state = 'active' GROUP BY name")
  // pg-boss takes a list of ids with completion data at run time; its types know only one id with data.
  const fail = boss.fail.bind(boss) as (name: string, ids: string[], data: object) => Promise<void>
  for (const { name, ids } of rows) await fail(name, ids, { message: 'Otklik stopped while the job ran' })
}
