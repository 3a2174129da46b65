import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs'
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
  const fresh = () => existsSync(index) && newestSource(join(ROOT, 'web')) <= statSync(index).mtimeMs
  if (fresh()) return
  // Browser test files run in parallel: one builds while the others wait (the build empties dist).
  withLock(join(ROOT, 'web', '.build-lock'), () => {
    if (fresh()) return
    const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('the web UI build failed')
  })
}

/** mkdir is atomic: whoever creates the directory holds the lock; a lock older than 5 minutes is stale. */
function withLock(dir: string, work: () => void): void {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      mkdirSync(dir)
      break
    } catch {
      const since = statSync(dir, { throwIfNoEntry: false })?.mtimeMs
      if (since !== undefined && Date.now() - since > 5 * 60_000) rmdirSync(dir, { recursive: false })
      Atomics.wait(pause, 0, 0, 250)
    }
  }
  try {
    work()
  } finally {
    rmdirSync(dir)
  }
}

function newestSource(dir: string): number {
  let newest = 0
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules' || name === '.build-lock') continue
    const path = join(dir, name)
    const stat = statSync(path)
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs)
  }
  return newest
}
