import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

// The web UI is built when it is missing, and again when a source it is built from is newer than
// the build — after a `git pull` the server must not serve yesterday's UI against today's API. The
// build goes to a folder of its own and replaces web/dist only when it succeeded, so a failed build
// (a missing package, a syntax error) leaves no half-written UI behind to be served at the next
// start. `npm start` and the browser tests build through here; parallel test files wait for the
// one that builds.

/** What the bundle is made of, besides web/ itself: the shared contract and the installed packages. */
const SOURCES = ['web', join('src', 'contract'), 'package-lock.json']
const SKIPPED = new Set(['dist', 'dist.building', 'node_modules', '.build-lock'])

export function buildWebIfStale(root: string, log: (line: string) => void = () => undefined): string {
  const webDir = join(root, 'web', 'dist')
  const index = join(webDir, 'index.html')
  const fresh = () => existsSync(index) && SOURCES.every((source) => newestChange(join(root, source)) <= statSync(index).mtimeMs)
  if (fresh()) return webDir
  withLock(join(root, 'web', '.build-lock'), () => {
    if (fresh()) return
    log(existsSync(index) ? 'Rebuilding the web UI (its sources changed)…' : 'Building the web UI…')
    const building = join(root, 'web', 'dist.building')
    rmSync(building, { recursive: true, force: true })
    const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', building, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    })
    if (result.status !== 0) {
      rmSync(building, { recursive: true, force: true })
      throw new Error('The web UI build failed (see above); the previous build, if any, is kept')
    }
    rmSync(webDir, { recursive: true, force: true })
    renameSync(building, webDir)
  })
  return webDir
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

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) {
    if (!SKIPPED.has(name)) newest = Math.max(newest, newestChange(join(path, name)))
  }
  return newest
}
