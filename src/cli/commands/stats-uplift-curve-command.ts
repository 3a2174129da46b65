import type { Command } from 'commander'
import type { Language } from '../../contract/language.ts'
import { reason } from '../../contract/reason-codes.ts'
import { UPLIFT_METRIC_NOTES } from '../../contract/uplift-metric-notes.ts'
import { readUpliftTable } from '../../app/stats/read-uplift-table.ts'
import { measureUpliftModel, type UpliftModelMeasures } from '../../core/stats/measure-uplift-model.ts'
import { statsInputError } from '../../core/stats/stats-input-error.ts'
import { upliftByScoreDecile, type ScoreDecile } from '../../core/stats/uplift-by-score-decile.ts'
import type { UpliftColumns } from '../../core/stats/uplift-columns.ts'
import { runOfflineCommand } from '../run-command.ts'

type UpliftCurveOptions = UpliftColumns & { csv: string; k: string }

/**
 * `otklik stats uplift-curve`: how well a model's scores rank the persuadable on a past experiment
 * (issue 9's contract). Reads the file, opens no database.
 */
export function registerUpliftCurveCommand(stats: Command): void {
  stats
    .command('uplift-curve')
    .description('how well a score ranks the clients a contact persuades, on a file of scored target and control members: Qini coefficient, AUUC and uplift at k as scikit-uplift 0.5 computes them, and the Qini in incremental responders')
    .requiredOption('--csv <file>', 'the scored members: CSV in any encoding and delimiter the imports read, or XLSX')
    .requiredOption('--score <column>', 'the model\'s score (higher: contact first)')
    .requiredOption('--treatment <column>', '1 for a treated (contacted) member, 0 for control')
    .requiredOption('--outcome <column>', '1 for a member who responded, 0 for one who did not')
    .option('--k <shares>', 'the shares of members targeted for uplift at k, comma-separated', '0.1,0.3')
    .action((options: UpliftCurveOptions, command: Command) =>
      runOfflineCommand(command, async ({ lang }) => {
        const ks = parseShares(options.k)
        const columns = { score: options.score, treatment: options.treatment, outcome: options.outcome }
        const table = await readUpliftTable({ path: options.csv, columns })
        const measures = measureUpliftModel({ table, ks, columns })
        const json = {
          qini_auc_score: measures.qiniAucScore,
          uplift_auc_score: measures.upliftAucScore,
          uplift_at_k: Object.fromEntries(measures.upliftAtK.map(({ k, uplift }) => [String(k), uplift])),
          qini_raw: measures.qiniRaw,
        }
        return { json, text: describe(measures, upliftByScoreDecile(table), table.score.length, lang) }
      }),
    )
}

function parseShares(text: string): number[] {
  return text.split(',').map((part) => {
    const value = part.trim() === '' ? Number.NaN : Number(part.trim())
    if (!Number.isFinite(value)) throw statsInputError(reason('stats.not_number', { field: 'k', value: part }))
    return value
  })
}

function describe(measures: UpliftModelMeasures, deciles: ScoreDecile[], members: number, lang: Language): string {
  const notes = UPLIFT_METRIC_NOTES[lang]
  const number = (v: number | null, digits = 4) => (v === null ? '—' : v.toFixed(digits))
  const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`)
  return [
    `${members} members`,
    `Qini coefficient ${number(measures.qiniAucScore)}, AUUC ${number(measures.upliftAucScore)} (scikit-uplift 0.5)`,
    `Qini ${number(measures.qiniRaw, 2)} incremental responders`,
    ...measures.upliftAtK.map(({ k, uplift }) => `uplift at ${percent(k)}: ${percent(uplift)}`),
    'decile  treated  control  treated rate  control rate  uplift',
    ...deciles.map((d, i) => [String(i + 1).padStart(6), String(d.treated).padStart(8), String(d.control).padStart(8), percent(d.treatedRate).padStart(13), percent(d.controlRate).padStart(13), percent(d.uplift).padStart(7)].join(' ')),
    '',
    notes.raw,
    notes.normalised,
    notes.negative,
  ].join('\n')
}
