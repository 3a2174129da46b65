import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

// `any`: the command's JSON, which each test reads as the contract it checks says it is.
export type OtklikRun = { status: number | null; stdout: string; stderr: string; json: () => any }

export type OtklikInput = {
  /** The environment the command reads (OTKLIK_DATA_DIR, DATABASE_URL …) over the test's own. */
  env: Record<string, string>
  args: readonly string[]
  /** What the command reads on stdin (a password). */
  input?: string
}

/**
 * Runs the `otklik` executable in a child process, exactly as a script does. Seconds a time (node,
 * tsx and every command load first): a test file spawns once to prove the executable's contract
 * and runs the rest of its commands with runOtklikInProcess.
 */
export function spawnOtklik({ env, args, input }: OtklikInput): OtklikRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/otklik.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 180_000,
    input,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => lastJsonLine(result.stdout) }
}

/** `--json` prints exactly one line of JSON, the last on stdout. */
export function lastJsonLine(stdout: string): any {
  const lines = stdout.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]!)
}
