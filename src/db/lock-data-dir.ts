import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'

// Two processes on one embedded (PGlite) data directory destroy it: each believes it alone writes
// the files, and after both "succeed" the database no longer opens. So the process that opens it
// holds `<dir>.lock`, a small JSON file naming the holder. The file is made whole in a temporary
// file and linked into place (link fails if the name exists), so taking the lock is atomic and no
// one ever reads half of it. A lock whose process is gone (same host, pid not running) is stale and
// is broken — under a second lock of its own, so that two newcomers cannot both break it.

export type LockHolder = { pid: number; host: string; command: string; startedAt: string }

export type DataDirLock = { path: string; release(): void }

export function lockDataDir(dir: string, holder: LockHolder = currentProcess()): DataDirLock {
  const path = `${dir}.lock`
  const mine = JSON.stringify(holder)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (linkExclusive(path, mine)) {
      const onExit = () => releaseIfMine(path, mine)
      process.once('exit', onExit)
      return {
        path,
        release() {
          process.off('exit', onExit)
          releaseIfMine(path, mine)
        },
      }
    }
    const current = readHolder(path)
    if (current === undefined) continue // released meanwhile: try again
    if (isRunning(current)) throw inUse(dir, path, current)
    breakStale(path, current, mine)
  }
  throw new DomainError('conflict', `Could not take the lock ${path}`, reason('db.data_dir_locked', { path }))
}

function currentProcess(): LockHolder {
  return { pid: process.pid, host: hostname(), command: commandLine(), startedAt: new Date().toISOString() }
}

// `otklik import clients x.csv` rather than the absolute paths of node and the script.
function commandLine(): string {
  const [script = '', ...args] = process.argv.slice(1)
  const name = /otklik(\.js)?$/.test(script) ? 'otklik' : script
  return [name, ...args].join(' ')
}

/** Creates `path` holding `content`, atomically; false if it exists already. */
function linkExclusive(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`
  writeFileSync(temporary, `${content}\n`)
  try {
    linkSync(temporary, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    unlinkSync(temporary)
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    // Not ours to read (edited by hand, or another program's): treat it as held, never break it.
    return { pid: 0, host: 'unknown', command: 'unknown', startedAt: 'unknown' }
  }
}

/** On another host (a shared disk) nobody here can tell: the lock counts as held. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname() || !Number.isInteger(holder.pid) || holder.pid <= 0) return true
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // running, as another user
  }
}

function breakStale(path: string, stale: LockHolder, mine: string): void {
  const breaker = `${path}.break`
  if (!linkExclusive(breaker, mine)) {
    // Someone else is breaking it; if that one died while doing so, clear the way for the next try.
    const other = readHolder(breaker)
    if (other && !isRunning(other)) unlinkQuietly(breaker)
    return
  }
  try {
    const again = readHolder(path)
    if (again && JSON.stringify(again) === JSON.stringify(stale)) unlinkQuietly(path)
  } finally {
    unlinkQuietly(breaker)
  }
}

function releaseIfMine(path: string, mine: string): void {
  const current = readHolder(path)
  if (current && JSON.stringify(current) === mine) unlinkQuietly(path)
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

function inUse(dir: string, path: string, holder: LockHolder): DomainError {
  return new DomainError(
    'conflict',
    `The embedded database in ${dir} is in use by another Otklik process: pid ${holder.pid} on ${holder.host}, ` +
      `"${holder.command}", since ${holder.startedAt}. Two processes on one embedded database destroy it. ` +
      'Do this through that process instead — the web UI or the API of the running server (an import: the Imports page ' +
      'or POST /api/imports) — or stop it and run the command again. ' +
      `If no such process is running any more, delete ${path}.`,
    reason('db.data_dir_in_use', { dir, path, pid: holder.pid, host: holder.host, command: holder.command, startedAt: holder.startedAt }),
  )
}
