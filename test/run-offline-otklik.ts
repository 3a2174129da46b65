import { spawnOtklik, type OtklikRun } from './spawn-otklik.ts'

export type { OtklikRun }

/**
 * The environment of a command that must open no database (the statistics calculators): the data
 * directory given is never created by it, and the DATABASE_URL is one no server answers.
 */
export function offlineOtklikEnv(dataDir: string): Record<string, string> {
  return { OTKLIK_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere', LOG_LEVEL: 'warn' }
}

/** Runs `otklik …` as a script would, in that environment. */
export function runOfflineOtklik(dataDir: string, ...args: string[]): OtklikRun {
  return spawnOtklik({ env: offlineOtklikEnv(dataDir), args })
}
