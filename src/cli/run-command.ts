import type { Command } from 'commander'
import { readConfig, type Config } from '../config.ts'
import { DomainError } from '../core/domain-error.ts'
import { openConfiguredDatabase } from '../db/open-configured-database.ts'
import type { Database } from '../db/open-database.ts'
import { createLogger } from '../logger.ts'
import type pino from 'pino'

export type CommandContext = { db: Database; config: Config; logger: pino.Logger; json: boolean }

/** Exit codes: 0 done, 1 the work failed, 2 bad arguments or input the command cannot take. */
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/**
 * Opens (creating and migrating if needed) the configured database, runs the work, and prints its
 * result: with --json exactly one line of JSON, the last on stdout; logs and progress go to stderr.
 */
export async function runCommand(
  command: Command,
  work: (context: CommandContext) => Promise<{ json: unknown; text?: string }>,
): Promise<void> {
  const json = Boolean(command.optsWithGlobals().json)
  const config = readConfig()
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn')
  let db: Database | undefined
  try {
    db = await openConfiguredDatabase(config)
    const result = await work({ db, config, logger, json })
    if (json) process.stdout.write(`${JSON.stringify(result.json)}\n`)
    else process.stdout.write(`${result.text ?? JSON.stringify(result.json, null, 2)}\n`)
  } catch (error) {
    process.exitCode = error instanceof DomainError && error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILED
    process.stderr.write(`otklik: ${(error as Error).message}\n`)
    if (!(error instanceof DomainError)) logger.debug({ err: error }, 'command failed')
  } finally {
    await db?.close()
  }
}
