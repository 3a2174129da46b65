import type { Command } from 'commander'
import { readConfig, type Config } from '../config.ts'
import { formatReason } from '../contract/format-reason.ts'
import { toLanguage, type Language } from '../contract/language.ts'
import { reasonOf } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import { openConfiguredDatabase } from '../db/open-configured-database.ts'
import type { Database } from '../db/open-database.ts'
import { createLogger } from '../logger.ts'
import type pino from 'pino'

export type CommandContext = { db: Database; config: Config; logger: pino.Logger; json: boolean; lang: Language }

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
  const lang = toLanguage(command.optsWithGlobals().lang)
  const config = readConfig()
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn')
  let db: Database | undefined
  try {
    db = await openConfiguredDatabase(config)
    printResult(json, await work({ db, config, logger, json, lang }))
  } catch (error) {
    reportFailure(error, lang, logger)
  } finally {
    await db?.close()
  }
}

/**
 * The same for work that needs no database (the statistics calculators, the uplift metrics of a
 * file, a model trained on a file): nothing is opened, so it runs beside a server that holds the
 * embedded database, and on a machine that has none.
 */
export async function runOfflineCommand(
  command: Command,
  work: (context: { json: boolean; lang: Language }) => { json: unknown; text?: string } | Promise<{ json: unknown; text?: string }>,
): Promise<void> {
  const json = Boolean(command.optsWithGlobals().json)
  const lang = toLanguage(command.optsWithGlobals().lang)
  try {
    printResult(json, await work({ json, lang }))
  } catch (error) {
    reportFailure(error, lang, createLogger(process.env.LOG_LEVEL ?? 'warn'))
  }
}

function printResult(json: boolean, result: { json: unknown; text?: string }): void {
  if (json) process.stdout.write(`${JSON.stringify(result.json)}\n`)
  else process.stdout.write(`${result.text ?? JSON.stringify(result.json, null, 2)}\n`)
}

function reportFailure(error: unknown, lang: Language, logger: pino.Logger): void {
  process.exitCode = error instanceof DomainError && error.code === 'invalid_input' ? EXIT_USAGE : EXIT_FAILED
  process.stderr.write(`otklik: ${describeFailure(error, lang)}\n`)
  if (!(error instanceof DomainError)) logger.debug({ err: error }, 'command failed')
}

/** A business error in Russian by its reason code; in English (and without a code) as its message. */
export function describeFailure(error: unknown, lang: Language): string {
  const reason = error instanceof DomainError ? reasonOf(error.details) : undefined
  return reason && lang !== 'en' ? formatReason(reason, lang, (error as Error).message) : (error as Error).message
}
