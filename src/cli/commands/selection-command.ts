import { InvalidArgumentError, type Command } from 'commander'
import { recordAuditEvent } from '../../app/audit/record-audit-event.ts'
import { countSelection } from '../../app/selection/count-selection.ts'
import { ensureProfile } from '../../app/selection/ensure-profile.ts'
import { refreshProfile } from '../../app/selection/refresh-profile.ts'
import { openOptionalProfileMirror } from '../../db/columnar/open-optional-profile-mirror.ts'
import type { ProfileMirror } from '../../db/columnar/open-profile-mirror.ts'
import { cliActor } from '../cli-actor.ts'
import { readRuleFile } from '../read-rule-file.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

type Engine = 'postgres' | 'duckdb'

function engine(value: string): Engine {
  if (value !== 'postgres' && value !== 'duckdb') throw new InvalidArgumentError('must be postgres or duckdb')
  return value
}

async function countWith<T>(mirror: ProfileMirror | undefined, count: () => Promise<T>): Promise<T> {
  if (!mirror) return count()
  try {
    await mirror.sync()
    return await count()
  } finally {
    await mirror.close()
  }
}

export function registerSelectionCommands(program: Command): void {
  const selection = program.command('selection').description('count clients that match a selection rule')
  selection
    .command('count')
    .description('count the clients a rule (JSON file) selects: {"count": n}')
    .requiredOption('--rule <file>', 'the rule as JSON, e.g. {"all":[{"field":"age","op":"between","value":[25,45]}]}')
    .option('--engine <engine>', 'postgres, or duckdb: copy the profile into the columnar mirror first, as the server does', engine, 'postgres')
    .action(async (options: { rule: string; engine: Engine }, command: Command) => {
      await runCommand(command, async ({ db, logger }) => {
        const rule = await readRuleFile(options.rule)
        const day = await today(db)
        await ensureProfile(db, day)
        const mirror = options.engine === 'duckdb' ? await openOptionalProfileMirror({ db, logger }) : undefined
        const result = await countWith(mirror, () => countSelection({ db: db.kysely, mirror }, { rule, today: day }))
        await recordAuditEvent(db.kysely, cliActor(), { action: 'selection.count', details: { rule, count: result.count, engine: result.engine } })
        const text = [
          `count: ${result.count} (${result.engine})`,
          `by segment: ${result.bySegment.map((s) => `${s.key} ${s.count}`).join(', ')}`,
          `reachable: ${Object.entries(result.reachable).map(([c, n]) => `${c} ${n}`).join(', ')}`,
        ].join('\n')
        return { json: { count: result.count, engine: result.engine }, text }
      })
    })

  program
    .command('profile')
    .description('the per-client selection profile')
    .command('refresh')
    .description('rebuild the selection profile from clients, holdings, activity, consents and contacts')
    .action(async (_options: unknown, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const result = await refreshProfile(db, await today(db))
        await recordAuditEvent(db.kysely, cliActor(), { action: 'profile.refresh', details: { ...result } })
        return { json: result, text: `profile refreshed as of ${result.asOf}: ${result.clients} clients in ${result.ms} ms` }
      })
    })
}
