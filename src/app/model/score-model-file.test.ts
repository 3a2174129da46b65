import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/temp-files.ts'
import type { SavedModel } from '../../core/model/saved-model.ts'
import { scoreModelFile } from './score-model-file.ts'

// A hand model: z = −1 + 0.5·(Age − 40)/10 + 2·[Segment = vip]; P = 1 / (1 + e^−z).
const model: SavedModel = {
  kind: 'logistic_regression',
  version: 1,
  label: 'Responded',
  positive: 'yes',
  C: 1,
  encoder: { version: 1, features: [{ kind: 'numeric', column: 'Age', mean: 40, std: 10 }, { kind: 'text', column: 'Segment', reference: 'mass', levels: ['vip'] }] },
  intercept: -1,
  coefficients: { Age: 0.5, 'Segment=vip': 2 },
}
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

describe('scoreModelFile', () => {
  const files = makeTempDir('otklik-score-')
  afterAll(() => files.remove())
  const modelPath = files.write('model.json', JSON.stringify(model))

  it('adds P(label) to each row, from a Russian export; an empty age reads as the mean, an unseen segment as the reference', async () => {
    const path = files.write('clients.csv', 'Клиент;Age;Segment\r\n"=К1";50;vip\r\nК2;"30,0";mass\r\nК3;;gold\r\n')
    const { csv, scored } = await scoreModelFile({ modelPath, path })
    expect(scored).toBe(3)
    const lines = csv.replace('\ufeff', '').trim().split('\r\n')
    expect(lines[0]).toBe('Клиент,Age,Segment,score')
    // A cell a spreadsheet would run as a formula is written with an apostrophe.
    expect(lines[1].split(',').slice(0, 3)).toEqual(["'=К1", '50', 'vip'])
    expect(lines[2]).toMatch(/^К2,"30,0",mass,/)
    const scores = lines.slice(1).map((line) => Number(line.slice(line.lastIndexOf(',') + 1)))
    ;[sigmoid(-1 + 0.5 + 2), sigmoid(-1 - 0.5), sigmoid(-1)].forEach((p, i) => expect(scores[i]).toBeCloseTo(p, 15))
  })

  it.each([
    ['a number that is none, with its line', 'Age;Segment\n41;mass\nсорок;vip\n', /Line 3: the numeric feature Age is “сорок”, not a number/],
    ['a file without a column the model reads', 'Age;Region\n41;Tver\n', /no column “Segment”, which the model reads/],
  ])('refuses %s', async (_, text, message) => {
    await expect(scoreModelFile({ modelPath, path: files.write('bad.csv', text) })).rejects.toThrow(message)
  })

  it('refuses a model file that is not one, saying what is wrong', async () => {
    const path = files.write('ok.csv', 'Age;Segment\n41;mass\n')
    await expect(scoreModelFile({ modelPath: files.write('broken.json', '{"kind": "logistic_regression"'), path })).rejects.toThrow(/is not a model saved by otklik model train --out: not JSON/)
    const noWeight = { ...model, coefficients: { Age: 0.5 } }
    await expect(scoreModelFile({ modelPath: files.write('partial.json', JSON.stringify(noWeight)), path })).rejects.toThrow(/no coefficient for Segment=vip/)
  })
})
