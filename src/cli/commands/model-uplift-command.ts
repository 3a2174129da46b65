import { Option, type Command } from 'commander'
import { formatReason } from '../../contract/format-reason.ts'
import type { Language } from '../../contract/language.ts'
import { reason } from '../../contract/reason-codes.ts'
import { RESPONSE_TYPES, type ResponseType } from '../../contract/response-types.ts'
import { UPLIFT_APPROACHES, type UpliftApproach } from '../../contract/uplift-approaches.ts'
import { UPLIFT_METRIC_NOTES } from '../../contract/uplift-metric-notes.ts'
import { modelInputError } from '../../core/model/model-input-error.ts'
import type { TrainedUpliftModel } from '../../core/model/train-uplift-model.ts'
import { trainWaveUpliftModel, type WaveUpliftModel } from '../../app/model/train-wave-uplift-model.ts'
import { cliActor } from '../cli-actor.ts'
import { runCommand } from '../run-command.ts'
import { today } from '../today.ts'

type UpliftOptions = { wave: string; approach: UpliftApproach; response: ResponseType; margin?: string; contactCost?: string }

/**
 * `otklik model uplift`: the uplift model that aims the next wave, trained on a past wave's target
 * and control in the bank's database; every client is scored and the scores feed the selection
 * field uplift_score.
 */
export function registerModelUpliftCommand(model: Command): void {
  model
    .command('uplift')
    .description('train an uplift model on a past wave\'s target and control over the client profile (every third member held out), store it as the program\'s next model version, score every client, and print its Qini, AUUC and uplift at k')
    .requiredOption('--wave <id>', 'the past wave whose target and control the model learns from')
    .addOption(new Option('--approach <approach>', 'two logistic regressions (target, control) or one on the class transformation').choices(UPLIFT_APPROACHES).default('two_model'))
    .addOption(new Option('--response <type>', 'the response the model predicts the uplift of').choices(RESPONSE_TYPES).makeOptionMandatory())
    .option('--margin <roubles>', 'what one incremental response earns, ₽: prints the base\'s incremental-profit curve with its break-even cut-off')
    .option('--contact-cost <roubles>', 'what one contact costs, ₽ (with --margin; 0 by default)')
    .action((options: UpliftOptions, command: Command) =>
      runCommand(command, async ({ db, lang }) => {
        const waveId = Number(options.wave)
        if (!Number.isInteger(waveId) || waveId <= 0) throw modelInputError(reason('request.invalid', { field: '--wave', issue: `not a wave id: ${options.wave}` }))
        const value = options.margin === undefined ? undefined : { marginPerResponse: money(options.margin, '--margin', false), costPerContact: money(options.contactCost ?? '0', '--contact-cost', true) }
        const now = new Date()
        const result = await trainWaveUpliftModel(db.kysely, { waveId, approach: options.approach, response: options.response, today: await today(db, now), now, actor: cliActor(), value })
        return { json: upliftJson(result, lang), text: upliftText(result, lang) }
      }),
    )
}

function money(text: string, option: string, zeroAllowed: boolean): number {
  const value = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) throw modelInputError(reason('request.invalid', { field: option, issue: `not an amount of roubles${zeroAllowed ? '' : ' above 0'}: ${text}` }))
  return value
}

function upliftJson(result: WaveUpliftModel, lang: Language) {
  const { trained } = result
  return {
    model_id: result.modelId,
    version: result.version,
    program: result.program,
    wave: result.wave,
    ...upliftMeasuresJson(trained, result.heldOut, lang),
    scored: result.scored,
    profit: result.profit && { break_even_score: result.profit.breakEvenScore, best: result.profit.best, points: result.profit.points },
    warnings: trained.warnings.map((w) => formatReason(w, lang)),
  }
}

/** What a trained uplift model's JSON says of it, from a wave or from a file (model-uplift-file-command.ts). */
export function upliftMeasuresJson(trained: TrainedUpliftModel, heldOut: string, lang: Language) {
  return {
    approach: trained.model.approach,
    n_train: trained.nTrain,
    n_test: trained.nTest,
    held_out: heldOut,
    qini_auc_score: trained.measures.qiniAucScore,
    uplift_auc_score: trained.measures.upliftAucScore,
    uplift_at_k: Object.fromEntries(trained.measures.upliftAtK.map(({ k, uplift }) => [String(k), uplift])),
    qini_raw: trained.measures.qiniRaw,
    notes: UPLIFT_METRIC_NOTES[lang],
  }
}

/** The measures' lines of the text output, the same for a wave's model and a file's. */
export function upliftMeasuresText(trained: TrainedUpliftModel, lang: Language): string[] {
  const m = trained.measures
  const notes = UPLIFT_METRIC_NOTES[lang]
  return [
    `  Qini in responders (raw): ${m.qiniRaw.toFixed(2)} — ${notes.raw}`,
    `  Qini coefficient ${m.qiniAucScore.toFixed(4)}, AUUC ${m.upliftAucScore.toFixed(4)} — ${notes.normalised}`,
    ...m.upliftAtK.map(({ k, uplift }) => `  uplift at ${Math.round(k * 100)}%: ${uplift === null ? '—' : `${(uplift * 100).toFixed(2)} pp`}`),
    m.qiniAucScore < 0 ? `  ${notes.negative}` : '',
  ]
}

function upliftText(result: WaveUpliftModel, lang: Language): string {
  const { trained } = result
  const profit = result.profit
  return [
    `uplift model ${result.program} v${result.version} (${trained.model.approach}) from wave ${result.wave}: trained on ${trained.nTrain} members, measured on ${trained.nTest} (${result.heldOut})`,
    ...upliftMeasuresText(trained, lang),
    `  scored ${result.scored} clients: the selection field uplift_score now reads this model`,
    profit ? `  break-even score ${profit.breakEvenScore.toFixed(4)}: target the best ${profit.best.clients} clients (${(profit.best.share * 100).toFixed(1)}%) for an expected ${profit.best.profit.toFixed(2)} ₽` : '',
    ...trained.warnings.map((w) => `warning: ${formatReason(w, lang)}`),
  ].filter((line) => line !== '').join('\n')
}
