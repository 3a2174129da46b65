import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Database } from '../src/db/open-database.ts'
import { buildServer, type App } from '../src/http/build-server.ts'
import { createLogger } from '../src/logger.ts'

const ROOT = join(import.meta.dirname, '..')
const WEB_DIR = join(ROOT, 'web', 'dist')

/** The real server with the built web UI, listening on a free port of 127.0.0.1. */
export async function startWebServer(db: Database): Promise<{ app: App; baseUrl: string }> {
  buildWebIfStale()
  const app = await buildServer({
    db,
    config: { sessionHours: 12, secureCookies: false },
    logger: createLogger('silent'),
    now: () => new Date(),
    webDir: WEB_DIR,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return { app, baseUrl: `http://127.0.0.1:${port}` }
}

// Built when missing, and again when a source file is newer than the build: a browser test of a
// stale bundle would pass or fail for the wrong reasons.
function buildWebIfStale(): void {
  const index = join(WEB_DIR, 'index.html')
  if (existsSync(index) && newestSource(join(ROOT, 'web')) <= statSync(index).mtimeMs) return
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('the web UI build failed')
}

function newestSource(dir: string): number {
  let newest = 0
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue
    const path = join(dir, name)
    const stat = statSync(path)
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs)
  }
  return newest
}
