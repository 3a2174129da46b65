import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { formatReason } from '../../contract/format-reason.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { Language } from '../../contract/language.ts'
import { modelInputError } from '../../core/model/model-input-error.ts'
import type { SavedModel } from '../../core/model/saved-model.ts'
import type { SplitRule, TrainedModel } from '../../core/model/train-model.ts'
import { scoreModelFile } from '../../app/model/score-model-file.ts'
import { trainModelFile } from '../../app/model/train-model-file.ts'
import { runOfflineCommand } from '../run-command.ts'
import { registerModelUpliftCommand } from './model-uplift-command.ts'
import { registerModelUpliftFileCommand } from './model-uplift-file-command.ts'

// Models as an analyst's tool (README, "Models"): a regularised logistic regression trained on any
// file of features and a label. No database is opened: it runs beside a server and on a laptop.
// `model uplift` (model-uplift-command.ts) is the bank's own: it trains on a wave in the database.

type ScoreOptions = { model: string; csv: string; out: string; encoding?: string; delimiter?: string }

type TrainOptions = {
  csv: string
  label: string
  drop?: string
  split: string
  testShare: string
  seed: string
  c: string
  encoding?: string
  delimiter?: string
  out?: string
}

export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('models for the analyst: logistic regression trained on a file of features and a label')
  model
    .command('train')
    .description('L2-regularised logistic regression (scikit-learn\'s objective, C=1) on a CSV or XLSX file: numeric columns standardised, text columns one-hot; AUC and calibration on a held-out part')
    .requiredOption('--csv <file>', 'the file: CSV in any encoding and delimiter the imports read, or XLSX')
    .requiredOption('--label <column>', 'the label: yes/no, 1/0 or true/false')
    .option('--drop <columns>', 'columns to leave out, comma-separated (identifiers, leaks)')
    .option('--split <rule>', 'stratified (by the label, seeded) or time:COLUMN (the latest rows are the test)', 'stratified')
    .option('--test-share <share>', 'the share of rows held out for the test', '0.3')
    .option('--seed <n>', 'the stratified split\'s seed', '42')
    .option('--c <C>', 'the inverse of the penalty\'s strength, as scikit-learn\'s C', '1')
    .option('--encoding <name>', 'force the CSV encoding (utf-8, windows-1251); guessed otherwise')
    .option('--delimiter <char>', 'force the CSV delimiter; sniffed from the header otherwise')
    .option('--out <file>', 'save the model (the feature encoder and the coefficients) as JSON, to score new rows')
    .action((options: TrainOptions, command: Command) =>
      runOfflineCommand(command, async ({ lang }) => {
        const trained = await trainModelFile({
          path: options.csv,
          encoding: options.encoding,
          delimiter: options.delimiter,
          label: options.label,
          drop: options.drop ? options.drop.split(',').map((name) => name.trim()).filter((name) => name !== '') : [],
          split: toSplit(options.split),
          testShare: toNumber(options.testShare, (value) => reason('model.bad_test_share', { value })),
          seed: toNumber(options.seed, (value) => reason('model.bad_seed', { value })),
          C: toNumber(options.c, (value) => reason('model.bad_penalty', { value })),
        })
        const C = Number(options.c)
        if (options.out) await writeFile(options.out, `${JSON.stringify(savedModel(trained, C), null, 1)}\n`)
        return { json: trainJson(trained, { split: options.split, C, lang }), text: trainText(trained, lang) }
      }),
    )
  model
    .command('score')
    .description('scores every row of a file with a model saved by model train --out: the file\'s columns and P(label) as CSV')
    .requiredOption('--model <file>', 'the saved model (JSON)')
    .requiredOption('--csv <file>', 'the rows to score: CSV in any encoding and delimiter the imports read, or XLSX')
    .requiredOption('--out <file>', 'where to write the scored rows (CSV, UTF-8)')
    .option('--encoding <name>', 'force the CSV encoding (utf-8, windows-1251); guessed otherwise')
    .option('--delimiter <char>', 'force the CSV delimiter; sniffed from the header otherwise')
    .action((options: ScoreOptions, command: Command) =>
      runOfflineCommand(command, async () => {
        const { csv, scored } = await scoreModelFile({ modelPath: options.model, path: options.csv, encoding: options.encoding, delimiter: options.delimiter })
        await writeFile(options.out, csv)
        return { json: { scored, out: options.out }, text: `${scored} rows scored into ${options.out}` }
      }),
    )
  registerModelUpliftCommand(model)
  registerModelUpliftFileCommand(model)
}

function toSplit(text: string): SplitRule {
  if (text.trim() === 'stratified') return { kind: 'stratified' }
  const time = /^time:(.+)$/.exec(text.trim())
  if (time) return { kind: 'time', column: time[1].trim() }
  throw modelInputError(reason('model.bad_split', { value: text }))
}

function toNumber(text: string, refusal: (value: string) => Parameters<typeof modelInputError>[0]): number {
  const value = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(value)) throw modelInputError(refusal(text))
  return value
}

function savedModel(trained: TrainedModel, C: number): SavedModel {
  return {
    kind: 'logistic_regression',
    version: 1,
    label: trained.label.column,
    positive: trained.label.positive,
    C,
    encoder: trained.encoder,
    intercept: trained.intercept,
    coefficients: trained.coefficients,
  }
}

function trainJson(trained: TrainedModel, extra: { split: string; C: number; lang: Language }) {
  return {
    auc: trained.auc,
    n_train: trained.nTrain,
    n_test: trained.nTest,
    coefficients: trained.coefficients,
    intercept: trained.intercept,
    label: trained.label,
    split: extra.split,
    C: extra.C,
    calibration: trained.calibration.map((bin) => ({ n: bin.n, mean_predicted: bin.meanPredicted, observed: bin.observed })),
    warnings: trained.warnings.map((warning) => formatReason(warning, extra.lang)),
    iterations: trained.iterations,
  }
}

function trainText(trained: TrainedModel, lang: Language): string {
  const coefficients = Object.entries(trained.coefficients).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
  const width = Math.max(11, ...coefficients.map(([name]) => name.length))
  const sign = (v: number) => (v < 0 ? v.toFixed(4) : ` ${v.toFixed(4)}`)
  return [
    `${trained.label.column} = ${trained.label.positive}: trained on ${trained.nTrain} rows, tested on ${trained.nTest}; AUC ${trained.auc.toFixed(4)}`,
    '',
    `${'(intercept)'.padEnd(width)}  ${sign(trained.intercept)}`,
    ...coefficients.map(([name, value]) => `${name.padEnd(width)}  ${sign(value)}`),
    '(numeric columns per standard deviation; text columns against their reference value)',
    '',
    'calibration on the test rows (deciles of the prediction): rows, mean predicted, observed',
    ...trained.calibration.map((bin) => `  ${String(bin.n).padStart(6)}  ${bin.meanPredicted.toFixed(4)}  ${bin.observed.toFixed(4)}`),
    ...trained.warnings.map((warning) => `warning: ${formatReason(warning, lang)}`),
  ].join('\n')
}
