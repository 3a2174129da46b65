import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { buildWebIfStale } from '../src/build-web-if-stale.ts'
import type { Database } from '../src/db/open-database.ts'
import type { App } from '../src/http/build-server.ts'
import { buildServerWithJobs, type TestSending } from './build-test-server.ts'
import { createLogger } from '../src/logger.ts'

const ROOT = join(import.meta.dirname, '..')
const WEB_DIR = join(ROOT, 'web', 'dist')

/** The real server with the built web UI, listening on a free port of 127.0.0.1. */
export async function startWebServer(db: Database, options: { sending?: TestSending } = {}): Promise<{ app: App; baseUrl: string }> {
  buildWebIfStale(ROOT)
  const app = await buildServerWithJobs({
    db,
    config: { sessionHours: 12, secureCookies: false },
    logger: createLogger('silent'),
    now: () => new Date(),
    webDir: WEB_DIR,
    ...options,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return { app, baseUrl: `http://127.0.0.1:${port}` }
}
