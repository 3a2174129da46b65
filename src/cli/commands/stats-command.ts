import type { Command } from 'commander'
import { reason } from '../../contract/reason-codes.ts'
import { compareProportions } from '../../core/stats/compare-proportions.ts'
import { detectableUplift } from '../../core/stats/detectable-uplift.ts'
import { pilotSize } from '../../core/stats/pilot-size.ts'
import { statsInputError } from '../../core/stats/stats-input-error.ts'
import { runOfflineCommand } from '../run-command.ts'
import { registerUpliftCurveCommand } from './stats-uplift-curve-command.ts'

// The statistics calculators (docs/statistics.md). Pure arithmetic: no database is opened, so they
// answer beside a running server and on a machine without data. Scripts read the --json line.

type PilotOptions = { baseline: string; uplift: string; alpha: string; power: string; controlShare: string }
type DetectableOptions = { baseline: string; targetN: string; controlN: string; alpha: string; power: string }
type CompareOptions = { targetN: string; targetX: string; controlN: string; controlX: string; alpha: string; exact?: boolean }

export function registerStatsCommands(program: Command): void {
  const stats = program.command('stats').description('statistics of pilots: sizes, detectable uplift, comparison of target and control; uplift metrics of a scored experiment')
  stats
    .command('pilot-size')
    .description('target and control sizes to detect an uplift over a baseline response rate (two-proportion z-test, pooled variance under H0)')
    .requiredOption('--baseline <rate>', 'the control\'s expected response rate, e.g. 0.05')
    .requiredOption('--uplift <rate>', 'the smallest absolute uplift worth detecting, e.g. 0.01 for 5% → 6%')
    .option('--alpha <level>', 'two-sided significance level', '0.05')
    .option('--power <level>', 'the chance to detect the uplift if it is there', '0.8')
    .option('--control-share <share>', 'the control\'s share of the pilot', '0.5')
    .action((options: PilotOptions, command: Command) =>
      runOfflineCommand(command, () => {
        const input = {
          baseline: toNumber('baseline', options.baseline),
          uplift: toNumber('uplift', options.uplift),
          alpha: toNumber('alpha', options.alpha),
          power: toNumber('power', options.power),
          controlShare: toNumber('control_share', options.controlShare),
        }
        const size = pilotSize(input)
        return {
          json: { target: size.target, control: size.control },
          text: `target ${size.target}, control ${size.control} (before rounding up: ${size.exact.target.toFixed(2)} and ${size.exact.control.toFixed(2)})`,
        }
      }),
    )
  stats
    .command('detectable-uplift')
    .description('the smallest uplift that given target and control sizes detect over a baseline rate')
    .requiredOption('--baseline <rate>', 'the control\'s expected response rate')
    .requiredOption('--target-n <count>', 'members in target')
    .requiredOption('--control-n <count>', 'members in control')
    .option('--alpha <level>', 'two-sided significance level', '0.05')
    .option('--power <level>', 'the chance to detect the uplift if it is there', '0.8')
    .action((options: DetectableOptions, command: Command) =>
      runOfflineCommand(command, () => {
        const uplift = detectableUplift({
          baseline: toNumber('baseline', options.baseline),
          target: toNumber('target_n', options.targetN),
          control: toNumber('control_n', options.controlN),
          alpha: toNumber('alpha', options.alpha),
          power: toNumber('power', options.power),
        })
        return { json: { uplift }, text: `detectable uplift ${uplift.toFixed(5)}` }
      }),
    )
  stats
    .command('compare')
    .description('target against control: uplift, Newcombe 95% interval, z-test or Fisher\'s exact test (an expected cell under 5, or --exact)')
    .requiredOption('--target-n <count>', 'members in target')
    .requiredOption('--target-x <count>', 'responders in target')
    .requiredOption('--control-n <count>', 'members in control')
    .requiredOption('--control-x <count>', 'responders in control')
    .option('--alpha <level>', '1 − the interval\'s confidence, and the test\'s level', '0.05')
    .option('--exact', 'Fisher\'s exact test whatever the expected cells')
    .action((options: CompareOptions, command: Command) =>
      runOfflineCommand(command, () => {
        const result = compareProportions({
          target: { n: toNumber('target_n', options.targetN), x: toNumber('target_x', options.targetX) },
          control: { n: toNumber('control_n', options.controlN), x: toNumber('control_x', options.controlX) },
          alpha: toNumber('alpha', options.alpha),
          exact: Boolean(options.exact),
        })
        const json = { uplift: result.uplift, relative_uplift: result.relativeUplift, ci: result.ci, p: result.p, test: result.test }
        const percent = (v: number) => `${(v * 100).toFixed(2)}%`
        return {
          json,
          text: [
            `target ${percent(result.target.rate)} (${result.target.x}/${result.target.n}), control ${percent(result.control.rate)} (${result.control.x}/${result.control.n})`,
            `uplift ${result.uplift.toFixed(5)}, ${+((1 - toNumber('alpha', options.alpha)) * 100).toFixed(1)}% interval [${result.ci[0].toFixed(5)}, ${result.ci[1].toFixed(5)}] (Newcombe)`,
            `relative uplift ${result.relativeUplift === null ? '—' : percent(result.relativeUplift)}${result.relativeCi ? ` [${percent(result.relativeCi[0])}, ${percent(result.relativeCi[1])}]` : ''}; p = ${result.p.toPrecision(4)} (${result.test === 'z' ? 'two-proportion z-test' : 'Fisher\'s exact test'})`,
          ].join('\n'),
        }
      }),
    )
  registerUpliftCurveCommand(stats)
}

/** An option's text as a number, or a refusal naming the option. */
function toNumber(field: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(value)) throw statsInputError(reason('stats.not_number', { field, value: text }))
  return value
}
