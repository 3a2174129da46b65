import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { HILLSTROM_FILE } from '../../../test/read-hillstrom.ts'
import { DomainError } from '../domain-error.ts'
import { measureUpliftModel } from './measure-uplift-model.ts'
import reference from './reference/uplift_reference.json' with { type: 'json' }
import { upliftCurvePoints } from './uplift-curve-points.ts'
import type { CurvePoint, UpliftTable } from './uplift-table.ts'

// Known answers: (a) the table below by hand; (b) reference/uplift_reference.py, which writes
// scikit-uplift 0.5's definitions out again in numpy with sklearn.metrics.auc (Debian's
// python3-sklearn; scikit-uplift itself is not packaged), on generated data and on Hillstrom.
//
// The hand table, scores with ties at 0.9 and 0.5 (t: treated, y: responded):
//   row   0    1    2    3    4    5    6    7
//   score 0.9  0.9  0.7  0.5  0.5  0.5  0.2  0.1
//   t     1    0    1    1    0    1    0    0
//   y     1    0    1    0    1    1    0    1
// Cumulative at each distinct score (n members, N_T treated, Y_T treated responders, N_C, Y_C):
//   ≥0.9: n 2, N_T 1, Y_T 1, N_C 1, Y_C 0 → Qini 1 − 0·1/1 = 1;    uplift (1/1 − 0/1)·2 = 2
//   ≥0.7: n 3, N_T 2, Y_T 2, N_C 1, Y_C 0 → Qini 2;                uplift (1 − 0)·3 = 3
//   ≥0.5: n 6, N_T 4, Y_T 3, N_C 2, Y_C 1 → Qini 3 − 1·4/2 = 1;    uplift (3/4 − 1/2)·6 = 1.5
//   ≥0.2: n 7, N_T 4, Y_T 3, N_C 3, Y_C 1 → Qini 3 − 4/3 = 5/3;    uplift (3/4 − 1/3)·7 = 35/12
//   ≥0.1: n 8, N_T 4, Y_T 3, N_C 4, Y_C 2 → Qini 3 − 2 = 1;        uplift (3/4 − 2/4)·8 = 2
// Qini area (trapezoids): 2·1/2 + 1·3/2 + 3·3/2 + 1·(8/3)/2 + 1·(8/3)/2 = 1 + 1.5 + 4.5 + 8/3 = 29/3.
// Random line (0,0)–(8,1): 4. Perfect Qini (negative effects: score 1 for treated responders 0,2,5;
// −1 for control responders 4,7; 0 for the rest): (3, 3), (6, 3 − 0) = (6, 3), (8, 3 − 2·4/4) = (8, 1);
// area 4.5 + 9 + 4 = 17.5. qini_auc_score = (29/3 − 4) / (17.5 − 4) = (17/3) / 13.5 = 34/81.
// qini_raw = (29/3 − 4) / 8 members = 17/24 incremental responders.
// Uplift area: 2 + 2.5 + 6.75 + (1.5 + 35/12)/2 + (35/12 + 2)/2 = 11.25 + 14/3 = 191/12; random
// (0,0)–(8,2): 8. Perfect uplift: control responders 2 > treated non-responders 1, so rank
// 2·[y = t] + y: rows 0,2,5 → 3; 1,6 → 2; 4,7 → 1; 3 → 0; points (3, 3), (5, (3/3 − 0)·5 = 5),
// (7, (1 − 2/4)·7 = 3.5), (8, 2); area 4.5 + 8 + 8.5 + 2.75 = 23.75.
// uplift_auc_score = (191/12 − 8) / (23.75 − 8) = (95/12) / 15.75 = 95/189.
// uplift_at_k, strategy 'overall': order = stable ascending sort reversed: rows 1, 0, 2, 5, 4, 3, 6, 7
// (of tied rows the later first). k 0.3: ⌊2.4⌋ = 2 → rows 1, 0: treated 1/1 − control 0/1 = 1.
// k 0.1: ⌊0.8⌋ = 0 rows → NaN in scikit-uplift, null here. k 0.6: ⌊4.8⌋ = 4 → rows 1, 0, 2, 5:
// 3/3 − 0/1 = 1 (in the rows' own order row 3, a treated non-responder, would have made it 2/3).
// k 0.75: 6 → rows 1, 0, 2, 5, 4, 3: treated 3/4 − control 1/2 = 0.25.
const HAND: UpliftTable = {
  score: [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.2, 0.1],
  treatment: [1, 0, 1, 1, 0, 1, 0, 0],
  outcome: [1, 0, 1, 0, 1, 1, 0, 1],
}

const points = (xs: number[], ys: number[]): CurvePoint[] => xs.map((x, i) => ({ x, y: ys[i]! }))
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)))
const closeOrNull = (actual: number | null, expected: number | null) => (expected === null ? expect(actual).toBeNull() : close(actual!, expected))
const closeCurve = (actual: CurvePoint[], [xs, ys]: number[][]) => {
  expect(actual.map((p) => p.x)).toEqual(xs)
  actual.forEach((p, i) => close(p.y, ys![i]!))
}

describe('measureUpliftModel', () => {
  it('gives the hand table its Qini coefficient 34/81, AUUC 95/189, raw Qini 17/24 and uplift at k', () => {
    const result = measureUpliftModel({ table: HAND, ks: [0.1, 0.3, 0.6, 0.75] })
    close(result.qiniAucScore, 34 / 81)
    close(result.upliftAucScore, 95 / 189)
    close(result.qiniRaw, 17 / 24)
    expect(result.upliftAtK).toEqual([
      { k: 0.1, uplift: null },
      { k: 0.3, uplift: 1 },
      { k: 0.6, uplift: 1 },
      { k: 0.75, uplift: 0.25 },
    ])
  })

  it('draws the hand table’s curves one point per distinct score', () => {
    const curves = upliftCurvePoints(HAND)
    closeCurve(curves.qini.model, [[0, 2, 3, 6, 7, 8], [0, 1, 2, 1, 5 / 3, 1]])
    closeCurve(curves.qini.perfect, [[0, 3, 6, 8], [0, 3, 3, 1]])
    expect(curves.qini.random).toEqual(points([0, 8], [0, 1]))
    closeCurve(curves.uplift.model, [[0, 2, 3, 6, 7, 8], [0, 2, 3, 1.5, 35 / 12, 2]])
    closeCurve(curves.uplift.perfect, [[0, 3, 5, 7, 8], [0, 3, 5, 3.5, 2]])
    // Deciles of 8 members (numpy.array_split): 8 parts of 1, then 2 empty ones.
    expect(curves.deciles.map((d) => d.treated + d.control)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
    expect(curves.deciles[0]).toEqual({ treated: 0, control: 1, treatedRate: null, controlRate: 0, uplift: null })
  })

  it.each(reference.cases)('matches the reference on $name ($note)', ({ score, treatment, outcome, expected }) => {
    const table = { score, treatment, outcome } as UpliftTable
    const result = measureUpliftModel({ table, ks: [0.1, 0.3, 0.5] })
    close(result.qiniAucScore, expected.qini_auc_score)
    close(result.upliftAucScore, expected.uplift_auc_score)
    close(result.qiniRaw, expected.qini_raw)
    for (const { k, uplift } of result.upliftAtK) closeOrNull(uplift, expected.uplift_at_k[String(k) as '0.1']!)
    const curves = upliftCurvePoints(table)
    closeCurve(curves.qini.model, expected.qini_curve)
    closeCurve(curves.qini.perfect, expected.perfect_qini_curve)
    closeCurve(curves.uplift.model, expected.uplift_curve)
    closeCurve(curves.uplift.perfect, expected.perfect_uplift_curve)
    curves.deciles.forEach((d, i) => {
      const e = expected.deciles[i]!
      expect([d.treated, d.control]).toEqual([e.n_treatment, e.n_control])
      closeOrNull(d.treatedRate, e.rate_treatment)
      closeOrNull(d.controlRate, e.rate_control)
      closeOrNull(d.uplift, e.uplift)
    })
  })

  it('gives a reversed score a negative Qini, and one score for everyone exactly 0', () => {
    const byName = Object.fromEntries(reference.cases.map((c) => [c.name, c]))
    const run = (name: string) => measureUpliftModel({ table: byName[name] as unknown as UpliftTable, ks: [] })
    expect(run('negative').qiniAucScore).toBeLessThan(0)
    expect(run('negative').qiniRaw).toBeLessThan(0)
    expect(run('informative').qiniAucScore).toBeGreaterThan(0)
    expect(run('constant')).toMatchObject({ qiniAucScore: 0, upliftAucScore: 0, qiniRaw: 0 })
  })

  it('is the same whatever the order of tied members (curves), and a perfect ranking scores 1', () => {
    const reversed: UpliftTable = { score: [...HAND.score].reverse(), treatment: [...HAND.treatment].reverse(), outcome: [...HAND.outcome].reverse() }
    const a = measureUpliftModel({ table: HAND, ks: [] })
    const b = measureUpliftModel({ table: reversed, ks: [] })
    close(b.qiniAucScore, a.qiniAucScore)
    close(b.upliftAucScore, a.upliftAucScore)
    const perfect = HAND.outcome.map((y, i) => (y === 0 ? 0 : HAND.treatment[i] === 1 ? 1 : -1))
    close(measureUpliftModel({ table: { ...HAND, score: perfect }, ks: [] }).qiniAucScore, 1)
  })

  it.each(reference.hillstrom)('matches the reference on the Hillstrom experiment: $name, visits', ({ name, expected }) => {
    const rows: Record<string, string>[] = parse(readFileSync(HILLSTROM_FILE), { columns: true })
    const table: UpliftTable = {
      score: rows.map((r) => (name === 'hillstrom_history' ? Number(r.history) : -Number(r.recency))),
      treatment: rows.map((r) => (r.segment === 'No E-Mail' ? 0 : 1)),
      outcome: rows.map((r) => (r.visit === '1' ? 1 : 0)),
    }
    const result = measureUpliftModel({ table, ks: [0.1, 0.3, 0.5] })
    close(result.qiniAucScore, expected.qini_auc_score)
    close(result.upliftAucScore, expected.uplift_auc_score)
    close(result.qiniRaw, expected.qini_raw)
    for (const { k, uplift } of result.upliftAtK) closeOrNull(uplift, expected.uplift_at_k[String(k) as '0.1']!)
    upliftCurvePoints(table).deciles.forEach((d, i) => closeOrNull(d.uplift, expected.deciles[i]!.uplift))
  })

  it.each([
    [{ score: [], treatment: [], outcome: [] }, 'stats.no_rows'],
    [{ score: [1, 2], treatment: [1, 1], outcome: [0, 1] }, 'stats.one_group'],
    [{ score: [1, 2], treatment: [0, 1], outcome: [1, 1] }, 'stats.one_outcome'],
  ] as const)('refuses a table it cannot judge: %j → %s', (table, code) => {
    const error = (() => {
      try {
        measureUpliftModel({ table: table as unknown as UpliftTable, ks: [0.3], columns: { score: 's', treatment: 'treat', outcome: 'conv' } })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).details).toMatchObject({ code })
  })

  it.each([0, 1, -0.1, 30, Number.NaN])('refuses k = %s', (k) => {
    expect(() => measureUpliftModel({ table: HAND, ks: [k] })).toThrow(/strictly between 0 and 1/)
  })
})
