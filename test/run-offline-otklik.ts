import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

// `any`: the command's JSON, which each test reads as the contract it checks says it is.
export type OtklikRun = { status: number | null; stdout: string; stderr: string; json: () => any }

/**
 * Runs `otklik …` as a script would, for commands that must open no database (the statistics
 * calculators): the data directory given is never created by them, and the DATABASE_URL is one no
 * server answers.
 */
export function runOfflineOtklik(dataDir: string, ...args: string[]): OtklikRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/otklik.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, OTKLIK_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  const lines = result.stdout.trim().split('\n')
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(lines[lines.length - 1]!) }
}
