import type { Command } from 'commander'
import { formatReason } from '../../contract/format-reason.ts'
import type { Language } from '../../contract/language.ts'
import { refreshChurnedClients } from '../../app/churn/refresh-churned-clients.ts'
import { trainChurnModel, type ChurnModelResult } from '../../app/churn/train-churn-model.ts'
import { cliActor } from '../cli-actor.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

/**
 * `otklik churn`: the churned clients under the bank's definition, and the churn model trained on
 * the bank's own data with a time-ordered holdout (app/churn/train-churn-model.ts).
 */
export function registerChurnCommands(program: Command): void {
  const churn = program.command('churn').description('churn: the churned clients under the bank\'s definition and the churn model')
  churn
    .command('train')
    .description('train the churn model (L2 logistic regression) on the bank\'s clients as of two cut-offs — the earlier trains, the later tests — print its AUC and calibration, store it as the next version and score every client for the selection field churn_score')
    .option('--horizon <months>', 'the label: churned within this many months after the cut-off (the two cut-offs lie this many and twice this many months back)', '3')
    .option('--c <C>', 'the inverse of the penalty\'s strength, as scikit-learn\'s C', '1')
    .action((options: { horizon: string; c: string }, command: Command) =>
      runCommand(command, async ({ db, lang }) => {
        const result = await trainChurnModel(db.kysely, { today: await today(db), horizonMonths: Number(options.horizon), C: Number(options.c), actor: cliActor() })
        return { json: churnModelJson(result, lang), text: churnModelText(result, lang) }
      }),
    )
  churn
    .command('refresh')
    .description('rebuild the churned clients list under the definition in force, as of the bank\'s day')
    .action((_options: unknown, command: Command) =>
      runCommand(command, async ({ db }) => {
        const result = await refreshChurnedClients(db.kysely, { today: await today(db), now: new Date() })
        return { json: result, text: `churned clients: ${result.churned} of ${result.clients}` }
      }),
    )
}

function churnModelJson(result: ChurnModelResult, lang: Language) {
  const { trained } = result.fitted
  return {
    auc: trained.auc,
    n_train: trained.nTrain,
    n_test: trained.nTest,
    model_id: result.modelId,
    version: result.version,
    train_cutoff: result.cutoffs.train,
    test_cutoff: result.cutoffs.test,
    horizon_months: result.horizonMonths,
    churners: result.churners,
    intercept: trained.intercept,
    coefficients: trained.coefficients,
    calibration: trained.calibration.map((b) => ({ n: b.n, mean_predicted: b.meanPredicted, observed: b.observed })),
    scored: result.scored,
    warnings: trained.warnings.map((w) => formatReason(w, lang)),
  }
}

function churnModelText(result: ChurnModelResult, lang: Language): string {
  const { trained } = result.fitted
  const rate = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`
  const weights = Object.entries(trained.coefficients).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
  return [
    `churn model v${result.version}: horizon ${result.horizonMonths} months`,
    `  trained on ${trained.nTrain} clients as of ${result.cutoffs.train} (${rate(result.churners.train, trained.nTrain)} churned by ${result.cutoffs.test})`,
    `  tested on ${trained.nTest} clients as of ${result.cutoffs.test} (${rate(result.churners.test, trained.nTest)} churned since)`,
    `  AUC ${trained.auc.toFixed(4)}`,
    '  calibration (deciles of the predicted probability):',
    '      n   predicted   observed',
    ...trained.calibration.map((b) => `  ${String(b.n).padStart(5)}   ${b.meanPredicted.toFixed(4).padStart(9)}   ${b.observed.toFixed(4).padStart(8)}`),
    '  strongest coefficients (standardised features):',
    ...weights.slice(0, 8).map(([name, w]) => `    ${name.padEnd(28)} ${w >= 0 ? '+' : ''}${w.toFixed(4)}`),
    `  scored ${result.scored} clients: the selection field churn_score now reads this model`,
    ...trained.warnings.map((w) => `warning: ${formatReason(w, lang)}`),
  ].join('\n')
}
