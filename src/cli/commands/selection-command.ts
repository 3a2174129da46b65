import type { Command } from 'commander'
import { countSelection } from '../../app/selection/count-selection.ts'
import { ensureProfile } from '../../app/selection/ensure-profile.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'
import { readRuleFile } from '../read-rule-file.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

export function registerSelectionCommands(program: Command): void {
  const selection = program.command('selection').description('count clients that match a selection rule')
  selection
    .command('count')
    .description('count the clients a rule (JSON file) selects: {"count": n}')
    .requiredOption('--rule <file>', 'the rule as JSON, e.g. {"all":[{"field":"age","op":"between","value":[25,45]}]}')
    .action(async (options: { rule: string }, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const rule = await readRuleFile(options.rule)
        await ensureProfile(db, today())
        const result = await countSelection(db.kysely, { rule, today: today() })
        const text = [
          `count: ${result.count}`,
          `by segment: ${result.bySegment.map((s) => `${s.key} ${s.count}`).join(', ')}`,
          `reachable: ${Object.entries(result.reachable).map(([c, n]) => `${c} ${n}`).join(', ')}`,
        ].join('\n')
        return { json: { count: result.count }, text }
      })
    })

  program
    .command('profile')
    .description('the per-client selection profile')
    .command('refresh')
    .description('rebuild the selection profile from clients, holdings, activity, consents and contacts')
    .action(async (_options: unknown, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const result = await refreshProfile(db, today())
        return { json: result, text: `profile refreshed as of ${result.asOf}: ${result.clients} clients in ${result.ms} ms` }
      })
    })
}
