import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWebIfStale } from './build-web-if-stale.ts'
import { generateDemoBank } from './app/demo/generate-demo-bank.ts'
import { readConfig } from './config.ts'
import { openOptionalProfileMirror } from './db/columnar/open-optional-profile-mirror.ts'
import { recoverInterruptedImports } from './app/import/recover-interrupted-imports.ts'
import { openConfiguredDatabase } from './db/open-configured-database.ts'
import type { Database } from './db/open-database.ts'
import { buildServer } from './http/build-server.ts'
import { queueWaveSend, startWaveSendWorker, type WaveSendJob } from './jobs/wave-send-jobs.ts'
import { createLogger } from './logger.ts'
import { ROLES } from './contract/roles.ts'
import { startJobs } from './jobs/start-jobs.ts'
import { startWorkers, type Workers } from './jobs/start-workers.ts'
import { bankToday } from './app/bank/bank-today.ts'
import { refuseDemoPasswordsInPublic } from './app/users/refuse-demo-passwords-in-public.ts'
import type pino from 'pino'

export type StartInput = { loadDemo: boolean; demoClients: number }

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const WEB_DIR = join(ROOT, 'web', 'dist')

/** The composition root: config, database, demo bank, web build and server are wired here once. */
export async function startOtklik(input: StartInput): Promise<void> {
  const config = readConfig()
  const logger = createLogger(config.logLevel)
  const db = await openConfiguredDatabase(config)
  await recoverInterruptedImports(db, { now: new Date(), atStart: true })
  if (input.loadDemo && (await isEmpty(db))) {
    process.stderr.write(`Loading the demo bank (${input.demoClients} clients)…\n`)
    const counts = await generateDemoBank(db, {
      clients: input.demoClients,
      seed: 1,
      now: new Date(),
      onProgress: progressLine,
    })
    process.stderr.write(`\nDemo bank ready: ${JSON.stringify(counts)}\n`)
  }
  try {
    await refuseDemoPasswordsInPublic(db.kysely, { host: config.host })
  } catch (error) {
    await db.close()
    throw error
  }
  buildWebIfStale(ROOT, (line) => process.stderr.write(`${line}\n`))
  // Live counts run on a DuckDB copy of the selection profile, loaded in the background; until it
  // holds the current profile (or without DuckDB at all), PostgreSQL answers.
  const profileMirror = await openOptionalProfileMirror({
    db,
    logger,
    onError: (err, retryInMs) => logger.warn({ err, retryInMs }, `profile mirror load failed; next attempt in ${Math.round(retryInMs / 1000)} s`),
  })
  profileMirror?.syncInBackground()
  // Imports and profile refreshes run as pg-boss jobs on the same pool (jobs/start-workers.ts).
  const jobs = await startJobs({ db, onError: (err) => logger.error({ err }, 'job runner') })
  const workers = await startWorkers({ db, jobs, logger, onProfileRefreshed: () => profileMirror?.syncInBackground() })
  const stopProfileUpdates = keepProfileUpToDate(db, workers, logger)
  await startWaveSendWorker({ jobs, db, channels: config.channels, publicUrl: config.publicUrl, logger })
  const sending = { channels: config.channels, start: (job: WaveSendJob) => queueWaveSend(jobs, job) }
  const app = await buildServer({ db, config, logger, now: () => new Date(), webDir: WEB_DIR, profileMirror, jobs: workers, sending })
  await app.listen({ port: config.port, host: config.host })
  const where = config.databaseUrl ? 'PostgreSQL server from DATABASE_URL' : `embedded database in ${config.dataDir}`
  process.stdout.write(
    `\nOtklik is running at http://localhost:${config.port} (${where})\n` +
      `Demo logins (password "demo"): ${ROLES.join(', ')}\n`,
  )
  const stop = async () => {
    stopProfileUpdates()
    await app.close()
    await workers.stop()
    await jobs.stop()
    await profileMirror?.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

// The selection profile catches up in the background: now (an update cut by a restart, changes
// made while the server was down) and every few minutes, which also starts the new day's refresh
// of every client. Each is a profile-refresh job (one waits at most); its short batches resume from
// the profile's own state; counts answer from the last consistent version meanwhile.
const PROFILE_UPDATE_EVERY_MS = 5 * 60_000

function keepProfileUpToDate(db: Database, workers: Workers, logger: pino.Logger): () => void {
  const update = () => {
    bankToday(db.kysely, new Date())
      .then((today) => workers.requestProfileUpdate(today))
      .catch((err: unknown) => logger.warn({ err }, 'asking for a selection profile update failed'))
  }
  update()
  const timer = setInterval(update, PROFILE_UPDATE_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

// Empty: no users and no clients. A bank that set up users, or imported clients from the CLI, does
// not want the demo bank (and the demo bank refuses a database that has clients).
async function isEmpty(db: Database): Promise<boolean> {
  const user = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst()
  const client = await db.kysely.selectFrom('clients').select('id').limit(1).executeTakeFirst()
  return !user && !client
}


function progressLine(done: number, total: number): void {
  process.stderr.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} clients`)
}
