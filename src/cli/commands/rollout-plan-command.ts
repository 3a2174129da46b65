import type { Command } from 'commander'
import { planProgramRollout } from '../../app/program/plan-program-rollout.ts'
import { reason } from '../../contract/reason-codes.ts'
import { rolloutPlanBody } from '../../contract/rollout-schemas.ts'
import { DomainError } from '../../core/domain-error.ts'
import { runCommand } from '../run-command.ts'

type RolloutOptions = { operators: string; callsPerHour: string; hoursPerDay: string; reachRate: string; start: string; end?: string; maxWaveSize: string; budget?: string }

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')))

/** `otklik program rollout-plan C …`: the what-if of POST /api/programs/:code/rollout-plan, nothing stored. */
export function registerRolloutPlanCommand(command: Command): void {
  command
    .command('rollout-plan')
    .description('plan the rollout of a program: waves within the call centre\'s capacity and the budget, what is left uncontacted and why, the case on the planned reach (nothing is saved)')
    .argument('<code>', 'the program code')
    .requiredOption('--operators <n>', 'call-centre operators given to the program')
    .requiredOption('--calls-per-hour <n>', 'calls an operator makes an hour')
    .requiredOption('--hours-per-day <n>', 'hours a day the operators call')
    .requiredOption('--reach-rate <share>', 'the share of calls that reach the client, within (0, 1]')
    .requiredOption('--start <date>', 'the first day of the rollout, YYYY-MM-DD')
    .option('--end <date>', 'the last day a wave may work, YYYY-MM-DD')
    .option('--max-wave-size <n>', 'clients in one wave at most', '10000')
    .option('--budget <roubles>', 'the program\'s budget for this what-if (default: the program\'s own)')
    .action(async (code: string, options: RolloutOptions, sub: Command) => {
      await runCommand(sub, async ({ db }) => {
        const parsed = rolloutPlanBody.safeParse({
          operators: number(options.operators),
          callsPerHour: number(options.callsPerHour),
          hoursPerDay: number(options.hoursPerDay),
          reachRate: number(options.reachRate),
          start: options.start,
          end: options.end ?? null,
          maxWaveSize: number(options.maxWaveSize),
          ...(options.budget !== undefined && { budget: number(options.budget) }),
        })
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!
          const field = issue.path.join('.')
          throw new DomainError('invalid_input', `--${field}: ${issue.message}`, reason('request.invalid', { field, issue: issue.message }))
        }
        const plan = await planProgramRollout(db.kysely, { code, body: parsed.data })
        const text = [
          `program ${plan.program}: ${plan.planned} of ${plan.clients} clients left to contact planned in ${plan.waves.length} waves, ${plan.workingDays} working days, until ${plan.endReached ?? '—'}; cost ${plan.cost} ₽`,
          ...(plan.limitedBy ? [`  left out: ${Object.entries(plan.uncontacted).filter(([, n]) => n > 0).map(([cut, n]) => `${n} (${cut}${cut === 'budget' ? `: ${plan.budgetLimit}` : ''})`).join(', ')}`] : []),
          ...plan.waves.map((w) => `  wave ${w.number}: ${w.start} – ${w.end}, ${w.clients} clients, ${w.calls} calls, ${w.cost} ₽`),
          `  case on the planned reach: NPV ${plan.case.npv} ₽ (everyone: ${plan.caseFullReach.npv} ₽), cost ${plan.case.totalCost} ₽, profit ${plan.case.profit} ₽, ROI ${plan.case.roi?.toFixed(2) ?? '—'}`,
        ].join('\n')
        return { json: plan, text }
      })
    })
}
