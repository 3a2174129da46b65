import { Command, CommanderError, Option } from 'commander'
import { LANGUAGES } from '../contract/language.ts'
import { EXIT_USAGE } from './run-command.ts'
import { registerStartCommand } from './commands/start-command.ts'
import { registerImportCommand } from './commands/import-command.ts'
import { registerJobsCommand } from './commands/jobs-command.ts'
import { registerDemoCommand } from './commands/demo-command.ts'
import { registerSelectionCommands } from './commands/selection-command.ts'
import { registerWaveCommands } from './commands/wave-command.ts'
import { registerProgramCommands } from './commands/program-command.ts'
import { registerAccessCommands } from './commands/access-command.ts'
import { registerUserCommands } from './commands/user-command.ts'
import { registerStatsCommands } from './commands/stats-command.ts'
import { registerModelCommands } from './commands/model-command.ts'
import { registerChurnCommands } from './commands/churn-command.ts'
import { registerResponsesCommands } from './commands/responses-command.ts'

/**
 * Runs `otklik …` with the given argv (node, script, then the arguments) and leaves the exit code in
 * process.exitCode. A fresh command tree each time: commander keeps the parsed options on it, and the
 * tests run many commands in one process (spawning each costs seconds of start-up).
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every argument error exits 2.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE
    } else {
      process.stderr.write(`otklik: ${(error as Error).message}\n`)
      process.exitCode = 1
    }
  }
}

function buildProgram(): Command {
  const program = new Command()
    .name('otklik')
    .description('Otklik — CRM and campaign management for the retail division of a bank.\n' +
      'Uses the PostgreSQL server in DATABASE_URL, or the embedded database under OTKLIK_DATA_DIR (./data).')
    .option('--json', 'print one line of JSON as the last line on stdout')
    .addOption(new Option('--lang <lang>', 'the language of error messages and rejection reasons: ru translates them, en prints the server’s own words').choices(LANGUAGES).default('en'))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })

  registerStartCommand(program)
  registerImportCommand(program)
  registerJobsCommand(program)
  registerDemoCommand(program)
  registerSelectionCommands(program)
  registerWaveCommands(program)
  registerProgramCommands(program)
  registerAccessCommands(program)
  registerUserCommands(program)
  registerStatsCommands(program)
  registerModelCommands(program)
  registerChurnCommands(program)
  registerResponsesCommands(program)
  program.addHelpText('after', () => `\nEvery command:\n${leafCommands(program).map((c) => `  ${c}`).join('\n')}\n`)
  return program
}

/** Every runnable command with its arguments ("otklik wave build …"), so --help lists them all. */
function leafCommands(command: Command, prefix = 'otklik'): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix} ${sub.name()}`
    if (sub.commands.length > 0) return leafCommands(sub, name)
    const args = sub.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ')
    return [`${name}${args ? ` ${args}` : ''}  — ${sub.description().split('; ')[0]}`]
  })
}
