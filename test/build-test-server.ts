import argon2 from 'argon2'
import type { Role } from '../src/contract/roles.ts'
import type { Database } from '../src/db/open-database.ts'
import { buildServer, type App, type ServerDeps } from '../src/http/build-server.ts'
import { startJobs } from '../src/jobs/start-jobs.ts'
import { startWorkers } from '../src/jobs/start-workers.ts'
import { queueWaveSend, startWaveSendWorker } from '../src/jobs/wave-send-jobs.ts'
import type { ChannelsConfig } from '../src/config.ts'
import { createLogger } from '../src/logger.ts'
import { SESSION_COOKIE } from '../src/http/access.ts'

/** The real server in-process (requests go through app.inject: no port), over a test database. */
export async function buildTestServer(db: Database, now: () => Date = () => new Date()): Promise<App> {
  return buildServerWithJobs({
    db,
    config: { sessionHours: 12, secureCookies: false },
    logger: createLogger(process.env.OTKLIK_TEST_LOG ?? "silent"),
    now,
  })
}

/** Channels for a test server's wave-send worker: readConfig({ SMTP_URL: … }).channels and its publicUrl. */
export type TestSending = { channels: ChannelsConfig; publicUrl: string }

/**
 * The server with real pg-boss workers on the test database (as `otklik start` has), stopped when
 * the app closes — before the test closes the database.
 */
export async function buildServerWithJobs(input: Omit<ServerDeps, 'jobs' | 'sending'> & { sending?: TestSending }): Promise<App> {
  const { sending, ...deps } = input
  const jobs = await startJobs({ db: deps.db, onError: (err) => deps.logger.error({ err }, 'pg-boss') })
  const workers = await startWorkers({ db: deps.db, jobs, logger: deps.logger, pollingIntervalSeconds: 0.5, onProfileRefreshed: () => deps.profileMirror?.syncInBackground() })
  // The wave-send worker too, when the test gives channels to send through (SMTP_URL …).
  if (sending) await startWaveSendWorker({ jobs, db: deps.db, channels: sending.channels, publicUrl: sending.publicUrl, logger: deps.logger })
  const app = await buildServer({ ...deps, jobs: workers, ...(sending && { sending: { channels: sending.channels, start: (job) => queueWaveSend(jobs, job) } }) })
  app.addHook('onClose', async () => {
    await workers.stop()
    await jobs.stop()
  })
  return app
}
/** Creates a user of the role (login = role, password 'pw') unless it exists; branch staff belong to a branch. */
export async function createTestUser(db: Database, role: Role, login: string = role, branchId: number | null = null): Promise<number> {
  const existing = await db.kysely.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()
  if (existing) return existing.id
  const row = await db.kysely
    .insertInto('users')
    .values({ login, full_name: `Test ${role}`, role, branch_id: branchId, password_hash: await argon2.hash('pw') })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Logs in as the role's test user and returns the Cookie header for further requests. */
export async function signIn(app: App, db: Database, role: Role): Promise<{ cookie: string }> {
  await createTestUser(db, role)
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: role, password: 'pw' } })
  if (response.statusCode !== 200) throw new Error(`login as ${role} failed: ${response.body}`)
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)
  if (!cookie) throw new Error('no session cookie')
  return { cookie: `${SESSION_COOKIE}=${cookie.value}` }
}
