import { Option, type Command } from 'commander'
import { formatReason } from '../../contract/format-reason.ts'
import { reason } from '../../contract/reason-codes.ts'
import { UPLIFT_APPROACHES, type UpliftApproach } from '../../contract/uplift-approaches.ts'
import { modelInputError } from '../../core/model/model-input-error.ts'
import { trainUpliftModelFile } from '../../app/model/train-uplift-model-file.ts'
import { runOfflineCommand } from '../run-command.ts'
import { upliftMeasuresJson, upliftMeasuresText } from './model-uplift-command.ts'

type UpliftFileOptions = {
  csv: string
  treatment: string
  control: string
  outcome: string
  drop?: string
  holdoutEvery: string
  approach: UpliftApproach
  encoding?: string
  delimiter?: string
}

/**
 * `otklik model uplift-file`: the uplift model of `model uplift` trained on a file of an experiment
 * instead of a wave (Hillstrom's e-mail test, a campaign run outside the bank), for the analyst's
 * own studies: nothing is stored and no database is opened. Every Nth row (0-based index a
 * multiple of N) is held out, so that anyone can redo the split and check the Qini.
 */
export function registerModelUpliftFileCommand(model: Command): void {
  model
    .command('uplift-file')
    .description('train an uplift model on a CSV or XLSX file of an experiment (a group column, a response column, features) and print its Qini, AUUC and uplift at k on the held-out rows')
    .requiredOption('--csv <file>', 'the file: CSV in any encoding and delimiter the imports read, or XLSX')
    .requiredOption('--treatment <column>', 'the column naming each row\'s group')
    .requiredOption('--control <value>', 'the value of --treatment that marks the control group; every other value is target')
    .requiredOption('--outcome <column>', 'the response: yes/no, 1/0 or true/false')
    .option('--drop <columns>', 'columns to leave out, comma-separated (identifiers, other outcomes)')
    .option('--holdout-every <n>', 'hold out the rows whose 0-based index is a multiple of n', '3')
    .addOption(new Option('--approach <approach>', 'two logistic regressions (target, control) or one on the class transformation').choices(UPLIFT_APPROACHES).default('two_model'))
    .option('--encoding <name>', 'force the CSV encoding (utf-8, windows-1251); guessed otherwise')
    .option('--delimiter <char>', 'force the CSV delimiter; sniffed from the header otherwise')
    .action((options: UpliftFileOptions, command: Command) =>
      runOfflineCommand(command, async ({ lang }) => {
        const every = Number(options.holdoutEvery)
        if (!Number.isInteger(every) || every < 2) throw modelInputError(reason('request.invalid', { field: '--holdout-every', issue: `not a whole number of 2 or more: ${options.holdoutEvery}` }))
        const trained = await trainUpliftModelFile({
          path: options.csv,
          encoding: options.encoding,
          delimiter: options.delimiter,
          treatment: options.treatment,
          control: options.control,
          outcome: options.outcome,
          drop: options.drop ? options.drop.split(',').map((name) => name.trim()).filter((name) => name !== '') : [],
          holdoutEvery: every,
          approach: options.approach,
        })
        const heldOut = `rows whose 0-based index is a multiple of ${every}`
        const warnings = trained.warnings.map((w) => formatReason(w, lang))
        return {
          json: { ...upliftMeasuresJson(trained, heldOut, lang), warnings },
          text: [
            `uplift model (${trained.model.approach}) from ${options.csv}: trained on ${trained.nTrain} rows, measured on ${trained.nTest} (${heldOut})`,
            ...upliftMeasuresText(trained, lang),
            ...warnings.map((w) => `warning: ${w}`),
          ].filter((line) => line !== '').join('\n'),
        }
      }),
    )
}
