import { hostname } from 'node:os'
import { InvalidArgumentError, type Command } from 'commander'
import { ensureProfile } from '../../app/selection/ensure-profile.ts'
import { buildWave, type WaveResult } from '../../app/wave/build-wave.ts'
import { rebuildWave } from '../../app/wave/rebuild-wave.ts'
import { sendWave } from '../../app/wave/send-wave.ts'
import { printLetterWave } from '../../app/wave/print-letter-wave.ts'
import type { WaveSendResult } from '../../app/wave/wave-send-result.ts'
import { openConfiguredChannels } from '../../app/channels/open-configured-channels.ts'
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

function codes(value: string): string[] {
  const list = value.split(',').map((code) => code.trim()).filter(Boolean)
  if (list.length === 0) throw new InvalidArgumentError('must be codes separated by commas, e.g. EKB,MSK')
  return list
}

function output(result: WaveResult) {
  const json = { wave: result.wave, target: result.target, control: result.control, eligible: result.eligible, funnel: result.funnel }
  const cut = result.eligible - result.target - result.control
  const text = [
    `wave ${result.wave}: ${result.matched} matched the rule; target ${result.target}, control ${result.control}`,
    ...(cut > 0 ? [`  (a pilot of ${result.target + result.control} of the ${result.eligible} the policy let through)`] : []),
    ...result.funnel.map((f) => `  − ${f.rule}: ${f.removed}`),
  ].join('\n')
  return { json, text }
}

export function registerWaveCommands(program: Command): void {
  const wave = program.command('wave').description('build, rebuild and send the waves of a program')
  wave
    .command('build')
    .description('freeze the members (target and control) of a new wave of a program')
    .requiredOption('--program <code>', 'the program code (a draft program is created when missing)')
    .requiredOption('--rule <file>', 'the selection rule as JSON')
    .requiredOption('--channel <channel>', `one of ${CHANNELS.join(', ')}`, channel)
    .option('--control-share <share>', 'share of the wave kept as control (default: the program\'s)', share)
    .option('--kind <kind>', 'pilot or rollout', 'pilot')
    .option('--sample <n>', 'a pilot on a random sample of N members of the selection (reproducible from the program\'s seed)', positiveInteger)
    .option('--branches <codes>', 'a pilot in these branches only, e.g. EKB,MSK', codes)
    .option('--regions <codes>', 'a pilot in these regions only, e.g. 66,77', codes)
    .action(async (options: { program: string; rule: string; channel: Channel; controlShare?: number; kind: string; sample?: number; branches?: string[]; regions?: string[] }, command: Command) => {
      if (options.branches && options.regions) command.error('error: give --branches or --regions, not both', { exitCode: 2 })
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
          ...(options.sample && { sample: { size: options.sample } }),
          ...(options.branches && { scope: { branches: options.branches } }),
          ...(options.regions && { scope: { regions: options.regions } }),
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
  wave
    .command('send')
    .description('send a wave\'s contacts by e-mail (SMTP_URL) or SMS (SMS_GATEWAY_URL), each exactly once; safe to stop and run again')
    .argument('<wave>', 'the wave id', positiveInteger)
    .action(async (waveId: number, _options: unknown, command: Command) => {
      await runCommand(command, async ({ db, config }) => {
        const open = openConfiguredChannels(config.channels)
        try {
          const result = await sendWave(db, {
            waveId,
            channels: open.channels,
            publicUrl: config.publicUrl,
            actor: cliActor(),
            owner: { pid: process.pid, host: hostname(), command: 'otklik wave send' },
            onProgress: sendProgress(waveId, config.progressLines),
          })
          return { json: result, text: sendText(result) }
        } finally {
          await open.close()
        }
      })
    })
  registerWavePrint(wave)
}

function registerWavePrint(wave: Command): void {
  wave
    .command('print')
    .description('print a letter wave: one PDF of letters and a CSV of addresses in a folder, each member exactly once')
    .argument('<wave>', 'the wave id', positiveInteger)
    .requiredOption('--out <dir>', 'the folder the print shop takes batches from')
    .action(async (waveId: number, options: { out: string }, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const result = await printLetterWave(db, { waveId, outDir: options.out, actor: cliActor() })
        return { json: result, text: `${sendText(result)}\n  ${result.letters} letters${result.pdf ? `: ${result.pdf}, ${result.csv}` : ''}` }
      })
    })
}

/** Progress on stderr (a line each with OTKLIK_PROGRESS=1 off a terminal): stdout stays clean for --json. */
function sendProgress(waveId: number, lines: boolean): (result: WaveSendResult) => void {
  return (r) => {
    const line = `wave ${waveId}: ${r.sent} sent, ${r.failed} failed, ${r.skipped_by_policy} skipped of ${r.queued}`
    if (lines && !process.stderr.isTTY) process.stderr.write(`${line}\n`)
    else if (process.stderr.isTTY) process.stderr.write(`\r${line} `)
  }
}

function sendText(r: WaveSendResult): string {
  const skipped = Object.entries(r.skipped).map(([why, n]) => `  − ${why}: ${n}`)
  return [
    `wave ${r.wave}: ${r.status}; ${r.queued} contacts: ${r.sent} sent, ${r.failed} failed, ${r.skipped_by_policy} skipped by the policy`,
    ...skipped,
    ...(r.waiting > 0 ? [`  ${r.waiting} waiting${r.next_attempt_at ? ` until ${r.next_attempt_at}` : ''} (quiet hours or a retry): run it again then`] : []),
    ...(r.unknown > 0 ? [`  ${r.unknown} unknown: handed to the provider, not confirmed; not sent again`] : []),
  ].join('\n')
}
