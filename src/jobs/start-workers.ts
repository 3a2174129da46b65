import type PgBoss from 'pg-boss'
import type pino from 'pino'
import { bankToday } from '../app/bank/bank-today.ts'
import { listResumableImports } from '../app/import/list-resumable-imports.ts'
import { runImportJob } from '../app/import/run-import-job.ts'
import {
  profileRefreshRequestedAt, runProfileRefreshJob, viewProfileRefresh, type ProfileRefreshOutcome,
} from '../app/selection/run-profile-refresh-job.ts'
import type { Database } from '../db/open-database.ts'
import type { Jobs } from './start-jobs.ts'

// The workers of the server (`otklik start`): imports and profile refreshes run as pg-boss jobs on
// the app's one pool. One job of each queue at a time per process: on PGlite every statement
// shares one connection, and the work is short transactions, so other requests run in between.

/** What the HTTP routes ask of the jobs. */
export type JobRequests = {
  /** Sends the job of an import already queued in its row (app/import/import-upload.ts). */
  queueImport(importId: number): Promise<void>
  /** Asks for a full profile refresh and waits until one that started after the request has finished. */
  refreshProfile(today: string): Promise<{ clients: number; asOf: string; ms: number }>
  /** Asks for the changed clients' refresh, without waiting (after an import, on the server's timer). */
  requestProfileUpdate(today: string): Promise<void>
}

export type Workers = JobRequests & { stop(): Promise<void> }

export type StartWorkersInput = {
  db: Database
  jobs: Jobs
  logger: pino.Logger
  /** After a refresh that rewrote profile rows: the DuckDB mirror catches up. */
  onProfileRefreshed?: () => void
  /** Seconds between polls for new jobs; a job sent by this process wakes its worker at once. */
  pollingIntervalSeconds?: number
  /** Milliseconds between looks for imports to take up again on a server (another process died). */
  resumeEveryMs?: number
}

type ImportJobData = { importId: number }
type ProfileJobData = { full: boolean; requestedAt: string; today: string }

const WAIT_POLL_MS = 200

export async function startWorkers(input: StartWorkersInput): Promise<Workers> {
  const { db, jobs, logger } = input
  const boss = jobs.boss
  const polling = { pollingIntervalSeconds: input.pollingIntervalSeconds ?? 2 }
  let importWorker: string | undefined
  let profileWorker: string | undefined

  const queueImport = async (importId: number) => {
    await jobs.send('otklik.import', { importId } satisfies ImportJobData, { singletonKey: `import-${importId}` })
    if (importWorker) boss.notifyWorker(importWorker)
  }
  const sendRefresh = async (full: boolean, today: string): Promise<Date> => {
    const requestedAt = await profileRefreshRequestedAt(db)
    // A key per kind: a waiting catch-up must not swallow a rebuild asked for (stately keeps one waiting per key).
    await jobs.send('otklik.profile-refresh', { full, requestedAt: requestedAt.toISOString(), today } satisfies ProfileJobData, { singletonKey: full ? 'profile-rebuild' : 'profile-update' })
    if (profileWorker) boss.notifyWorker(profileWorker)
    return requestedAt
  }

  // Before any worker runs: runs cut by a restart are marked and sent again (on PGlite, only now).
  await resumeImports(db, queueImport, true)
  importWorker = await jobs.work<ImportJobData>('otklik.import', polling, async (job) => {
    const result = await runImportJob(db, { importId: job.data.importId, now: new Date() })
    if (!result.ran) return { skipped: result.status }
    const { id, kind, dryRun, status, rowsRead, loaded, rejected, login, attempt } = result.outcome
    // One line per import, with counts only: file contents and names stay out of the log.
    logger.info({ job: 'import', importId: id, kind, dryRun, status, rowsRead, loaded, rejected, attempt, user: login }, 'job')
    if (status === 'done' && !dryRun && loaded > 0) await sendRefresh(false, await bankToday(db.kysely, new Date()))
    return { status, loaded, rejected }
  })
  profileWorker = await jobs.work<ProfileJobData>('otklik.profile-refresh', polling, async (job) => {
    const data = job.data
    const outcome: ProfileRefreshOutcome = await runProfileRefreshJob(db, { full: data.full, requestedAt: new Date(data.requestedAt), today: data.today })
    if (outcome.refreshed > 0) {
      logger.info({ job: 'profile-refresh', ...outcome }, 'job')
      input.onProfileRefreshed?.()
    }
    return outcome
  })
  const timer = db.kind === 'pglite' ? undefined : setInterval(() => {
    resumeImports(db, queueImport, false).catch((err: unknown) => logger.warn({ err }, 'taking up interrupted imports failed'))
  }, input.resumeEveryMs ?? 60_000)
  timer?.unref()

  return {
    queueImport,
    requestProfileUpdate: async (today) => {
      await sendRefresh(false, today)
    },
    async refreshProfile(today) {
      const requestedAt = await sendRefresh(true, today)
      return waitForRefresh(db, boss, requestedAt)
    },
    async stop() {
      clearInterval(timer)
      await boss.offWork('otklik.import')
      await boss.offWork('otklik.profile-refresh')
    },
  }
}

async function resumeImports(db: Database, queueImport: (id: number) => Promise<void>, atStart: boolean): Promise<void> {
  for (const id of await listResumableImports(db, { now: new Date(), atStart })) await queueImport(id)
}

/** Until a full rebuild that started at or after the request has finished; refused when none will. */
async function waitForRefresh(db: Database, boss: PgBoss, requestedAt: Date): Promise<{ clients: number; asOf: string; ms: number }> {
  const started = performance.now()
  for (;;) {
    const covered = async () => {
      const progress = await viewProfileRefresh(db)
      return progress?.coveredSince && progress.coveredSince >= requestedAt ? progress : undefined
    }
    const done = await covered()
    if (done) return { clients: done.clients, asOf: done.asOf, ms: Math.round(performance.now() - started) }
    // No refresh waits or runs and none covered the request: the last one failed for good.
    if ((await boss.getQueueSize('otklik.profile-refresh', { before: 'completed' })) === 0 && !(await covered())) {
      // Not a business refusal: the database or the code failed (the job's error is in its row). 500.
      throw new Error('the selection profile refresh failed; see the job otklik.profile-refresh')
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS))
  }
}
