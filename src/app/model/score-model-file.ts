import { readFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { modelInputError } from '../../core/model/model-input-error.ts'
import { parseSavedModel } from '../../core/model/parse-saved-model.ts'
import { scoreRow } from '../../core/model/saved-model.ts'
import { readModelTable, type ReadModelTableInput } from './read-model-table.ts'

export type ScoreModelFileInput = ReadModelTableInput & { modelPath: string }

/**
 * Scores every row of a file with a saved model: the file's own columns and a `score` column,
 * P(label = positive), as CSV that Excel opens (UTF-8 with a byte-order mark, each text cell safe
 * from formula injection). A row the model cannot read is refused with its line.
 */
export async function scoreModelFile(input: ScoreModelFileInput): Promise<{ csv: string; scored: number }> {
  const model = parseSavedModel(await readModelJson(input.modelPath), input.modelPath)
  const table = await readModelTable({ path: input.path, encoding: input.encoding, delimiter: input.delimiter })
  const absent = model.encoder.features.find((feature) => !table.headers.includes(feature.column))
  if (absent) throw modelInputError(reason('model.feature_column_missing', { column: absent.column }))
  const rows = table.rows.map((row) => {
    if (row.problem) throw modelInputError(reason('model.unreadable_row', { line: row.line, detail: row.problem.message }))
    const cells = table.headers.map((_, k) => row.cells[k] ?? '')
    return [...cells.map(escapeFormula), String(scoreOrRefuse(model, table.headers, cells, row.line))]
  })
  const csv = `\ufeff${stringify([[...table.headers.map(escapeFormula), 'score'], ...rows], { record_delimiter: 'windows' })}`
  return { csv, scored: rows.length }
}

function scoreOrRefuse(model: Parameters<typeof scoreRow>[0], headers: readonly string[], cells: readonly string[], line: number): number {
  try {
    return scoreRow(model, Object.fromEntries(headers.map((h, k) => [h, cells[k]])))
  } catch (error) {
    const details = error instanceof DomainError ? error.details : undefined
    if (details?.code !== 'model.not_number') throw error
    throw modelInputError(reason('model.not_number_on_line', { line, column: String(details.column), value: String(details.value) }))
  }
}

async function readModelJson(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('invalid_input', `cannot read the model file ${path}: ${detail}`, reason('cli.file_unreadable', { path, detail }))
  }
  try {
    return JSON.parse(text)
  } catch {
    throw modelInputError(reason('model.bad_model_file', { path, issue: 'not JSON' }))
  }
}
