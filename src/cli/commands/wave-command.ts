import { InvalidArgumentError, type Command } from 'commander'
import { ensureProfile } from '../../app/selection/ensure-profile.ts'
import { buildWave, type WaveResult } from '../../app/wave/build-wave.ts'
import { rebuildWave } from '../../app/wave/rebuild-wave.ts'
import { CHANNELS, type Channel } from '../../contract/channels.ts'
import { cliActor } from '../cli-actor.ts'
import { readRuleFile } from '../read-rule-file.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

function share(value: string): number {
  const n = Number(value)
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('must be a number between 0 and 1, e.g. 0.1')
  return n
}

function channel(value: string): Channel {
  if (!CHANNELS.includes(value as Channel)) throw new InvalidArgumentError(`must be one of ${CHANNELS.join(', ')}`)
  return value as Channel
}

function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number')
  return n
}

function output(result: WaveResult) {
  const json = { wave: result.wave, target: result.target, control: result.control, funnel: result.funnel }
  const text = [
    `wave ${result.wave}: ${result.matched} matched the rule; target ${result.target}, control ${result.control}`,
    ...result.funnel.map((f) => `  − ${f.rule}: ${f.removed}`),
  ].join('\n')
  return { json, text }
}

export function registerWaveCommands(program: Command): void {
  const wave = program.command('wave').description('build and rebuild the waves of a program')
  wave
    .command('build')
    .description('freeze the members (target and control) of a new wave of a program')
    .requiredOption('--program <code>', 'the program code (a draft program is created when missing)')
    .requiredOption('--rule <file>', 'the selection rule as JSON')
    .requiredOption('--channel <channel>', `one of ${CHANNELS.join(', ')}`, channel)
    .option('--control-share <share>', 'share of the wave kept as control (default: the program\'s)', share)
    .option('--kind <kind>', 'pilot or rollout', 'pilot')
    .action(async (options: { program: string; rule: string; channel: Channel; controlShare?: number; kind: string }, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const rule = await readRuleFile(options.rule)
        const day = await today(db)
        await ensureProfile(db, day)
        const result = await buildWave(db.kysely, {
          programCode: options.program,
          rule,
          channel: options.channel,
          controlShare: options.controlShare,
          kind: options.kind === 'rollout' ? 'rollout' : 'pilot',
          actor: cliActor(),
          today: day,
        })
        return output(result)
      })
    })
  wave
    .command('rebuild')
    .description('rebuild a wave from the rule, policy and seed it was built with')
    .argument('<wave>', 'the wave id', positiveInteger)
    .action(async (waveId: number, _options: unknown, command: Command) => {
      await runCommand(command, async ({ db }) => output(await rebuildWave(db.kysely, { waveId, actor: cliActor() })))
    })
}
