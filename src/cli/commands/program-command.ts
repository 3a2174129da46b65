import { writeFile } from 'node:fs/promises'
import { Option, type Command } from 'commander'
import { viewProgramCase } from '../../app/program/compute-program-case.ts'
import { createProgram } from '../../app/program/create-program.ts'
import { judgeProgram } from '../../app/program/judge-program.ts'
import { viewProgramResults } from '../../app/program/view-program-results.ts'
import { exportProgramReport } from '../../app/program-report/export-program-report.ts'
import { PROGRAM_REPORT_FORMATS, type ProgramReportFormat } from '../../contract/program-report-schemas.ts'
import { formatReason } from '../../contract/format-reason.ts'
import { createProgramBody, PROGRAM_GOALS } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { cliActor } from '../cli-actor.ts'
import { programWord } from '../../contract/program-words.ts'
import { readJsonFile } from '../read-json-file.ts'
import { runCommand } from '../run-command.ts'
import { registerProgramShowCommand } from './program-show-command.ts'
import { registerRolloutPlanCommand } from './rollout-plan-command.ts'
import { verdictJson } from './verdict-json.ts'

type CreateOptions = { code: string; name: string; goal: string; product?: string; case?: string }

export function registerProgramCommands(program: Command): void {
  const command = program.command('program').description('the registry of programs: create one, read its business case and its pilot\'s verdict')
  command
    .command('create')
    .description('create a draft program in the registry (or plan the draft a wave created for the code)')
    .requiredOption('--code <code>', 'the program code: letters, digits, "_", "-" or "."')
    .requiredOption('--name <name>', 'the program name')
    .addOption(new Option('--goal <goal>', 'what the program is for').choices(PROGRAM_GOALS).makeOptionMandatory())
    .option('--product <code>', 'the target product (a code of the catalogue)')
    .option('--case <file>', 'the business case\'s assumptions as JSON (as in PATCH /api/programs/:code {"businessCase": …})')
    .action(async (options: CreateOptions, sub: Command) => {
      await runCommand(sub, async ({ db, lang }) => {
        const businessCase = options.case === undefined ? undefined : await readJsonFile(options.case, 'business_case')
        const parsed = createProgramBody.safeParse({
          code: options.code,
          name: options.name,
          goal: options.goal,
          ...(options.product && { targetProduct: options.product }),
          ...(businessCase !== undefined && { businessCase }),
        })
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!
          const field = issue.path.join('.')
          throw new DomainError('invalid_input', `--${field}: ${issue.message}`, reason('request.invalid', { field, issue: issue.message }))
        }
        const actor = cliActor()
        const created = await createProgram(db.kysely, { body: parsed.data, actor: { id: actor.id, login: actor.login ?? 'cli', role: null } })
        const json = { code: created.code, name: created.name, goal: created.goal, status: created.status }
        const text = lang === 'en' ? `program ${json.code} (${programWord(lang, 'goals', json.goal!)}) created: ${programWord(lang, 'statuses', json.status)}` : `программа ${json.code} (${programWord(lang, 'goals', json.goal!)}) создана: ${programWord(lang, 'statuses', json.status)}`
        return { json, text }
      })
    })
  command
    .command('case')
    .description('the business case of a program: incremental NPV, cost, profit, ROI, break-even uplift, payback, tornado')
    .argument('<code>', 'the program code')
    .action(async (code: string, _options: unknown, sub: Command) => {
      await runCommand(sub, async ({ db }) => {
        const result = await viewProgramCase(db.kysely, code)
        const text = [
          `program ${result.program}: ${result.contacted} contacted of ${result.audience}, ${result.incrementalProducts.toFixed(1)} incremental products`,
          `  NPV ${result.npv} ₽, cost ${result.totalCost} ₽, profit ${result.profit} ₽, ROI ${result.roi?.toFixed(2) ?? '—'}`,
          `  break-even uplift ${result.breakEvenUplift?.toFixed(5) ?? '—'}, payback ${result.paybackYears?.toFixed(2) ?? 'never'} years`,
          ...result.tornado.map((bar) => `  ${bar.driver}: ${bar.npvLow} … ${bar.npvHigh} ₽`),
        ].join('\n')
        return { json: result, text }
      })
    })
  command
    .command('verdict')
    .description('the verdict of the program\'s pilot: per response type the uplift, its interval, p, the incremental profit and the recommendation')
    .argument('<code>', 'the program code')
    .option('--cuped', 'narrow the values\' intervals with the members\' activity before the wave (CUPED)')
    .option('--always-valid', 'the interval for a head who looks every day; the recommendation reads it')
    .action(async (code: string, options: { cuped?: boolean; alwaysValid?: boolean }, sub: Command) => {
      await runCommand(sub, async ({ db, lang }) => {
        const verdictOptions = { cuped: options.cuped === true, monitoring: options.alwaysValid ? ('always_valid' as const) : ('fixed' as const) }
        const view = await judgeProgram(db.kysely, { code, now: new Date(), options: verdictOptions })
        const text = [
          `program ${view.program}, pilot wave ${view.wave.id}: ${view.wave.target} in target, ${view.wave.control} in control; responses until ${view.window.until}${view.window.closed ? '' : ' (window still open)'}`,
          `  sample-ratio mismatch p = ${view.srm.p.toPrecision(3)}${view.srm.blocked ? (view.srm.explained ? ' (explained)' : ' — BLOCKED until explained') : ''}`,
          ...view.responses.map((r) =>
            [
              `  ${r.type}: ${r.arms.target.responders}/${r.arms.target.n} against ${r.arms.control.responders}/${r.arms.control.n}, uplift ${r.uplift.toFixed(5)} [${r.ci[0].toFixed(5)}, ${r.ci[1].toFixed(5)}], p ${r.p.toPrecision(3)} (${r.test})`,
              `    incremental profit ${r.incrementalProfit.estimate} ₽ [${r.incrementalProfit.ci[0]}, ${r.incrementalProfit.ci[1]}]`,
              ...(r.values?.cuped ? [`    CUPED: difference per member ${r.values.cuped.adjusted.difference.toFixed(2)} ₽ [${r.values.cuped.adjusted.ci[0].toFixed(2)}, ${r.values.cuped.adjusted.ci[1].toFixed(2)}], interval ${r.values.cuped.widthRatio.toFixed(2)} times as wide`] : []),
              ...(r.alwaysValid ? [`    always valid: uplift [${r.alwaysValid.ci[0].toFixed(5)}, ${r.alwaysValid.ci[1].toFixed(5)}], p ${r.alwaysValid.p.toPrecision(3)}, ${r.alwaysValid.widthRatio.toFixed(2)} times as wide`] : []),
              `    ${formatReason(r.reason, lang)}`,
            ].join('\n'),
          ),
        ].join('\n')
        return { json: verdictJson(view), text }
      })
    })
  command
    .command('results')
    .description('each arm of the program (a wave and its offer) against its control, per response type: members, responders, rate, uplift with its 95% interval, p, value per member')
    .argument('<code>', 'the program code')
    .action(async (code: string, _options: unknown, sub: Command) => {
      await runCommand(sub, async ({ db }) => {
        const results = await viewProgramResults(db.kysely, { code, now: new Date() })
        const pct = (x: number) => `${(100 * x).toFixed(2)}%`
        const text = [
          `program ${results.program}: responses within ${results.window_days} days of each wave`,
          ...results.arms.map((a) =>
            `  ${a.arm} ${a.response}: ${a.responders}/${a.members} = ${pct(a.rate)} against ${a.control.responders}/${a.control.members} = ${pct(a.control.rate)}, uplift ${pct(a.uplift)} [${pct(a.ci[0])}, ${pct(a.ci[1])}], p ${a.p.toPrecision(3)} (${a.test}); value per member ${a.value_per_member.toFixed(4)} against ${a.control.value_per_member.toFixed(4)}`),
          `  sales from leads: ${results.lead_sales.won} of ${results.lead_sales.leads} leads won, ${results.lead_sales.value} roubles`,
        ].join('\n')
        // The contract of issue 9: --json prints the list of arm results.
        return { json: results.arms, text }
      })
    })
  registerProgramShowCommand(command)
  registerRolloutPlanCommand(command)
  command
    .command('report')
    .description('the program report: business case against actuals, verdict and decisions, as XLSX (live formulas) or PDF (with the charts), in the language of --lang')
    .argument('<code>', 'the program code')
    .addOption(new Option('--format <format>', 'the file format').choices(PROGRAM_REPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (code: string, options: { format: ProgramReportFormat; out: string }, sub: Command) => {
      await runCommand(sub, async ({ db, lang }) => {
        const actor = cliActor()
        const file = await exportProgramReport(db.kysely, { code, format: options.format, lang, actor: { ...actor, role: null }, now: new Date() })
        await writeFile(options.out, file.body)
        const json = { program: code, format: options.format, lang, out: options.out, bytes: file.body.length }
        return { json, text: `program ${code}: ${options.format} report (${lang}) written to ${options.out}, ${file.body.length} bytes` }
      })
    })
}
