import type { UpliftTable } from './uplift-table.ts'

/** The members targeted down to one distinct score (best first), counted cumulatively. */
export type ScoreStep = { members: number; treated: number; treatedResponders: number; controlResponders: number }

/**
 * One step per distinct score, best first, as scikit-uplift's curves take them (the thresholds of
 * sklearn's _binary_clf_curve): members with equal scores are targeted together or not at all, so
 * the order of tied members never moves a curve.
 */
export function scoreSteps({ score, treatment, outcome }: UpliftTable): ScoreStep[] {
  const order = Array.from(score.keys()).sort((a, b) => score[b]! - score[a]!)
  const steps: ScoreStep[] = []
  let members = 0
  let treated = 0
  let treatedResponders = 0
  let controlResponders = 0
  order.forEach((i, at) => {
    members++
    if (treatment[i] === 1) {
      treated++
      treatedResponders += outcome[i]!
    } else {
      controlResponders += outcome[i]!
    }
    const next = order[at + 1]
    if (next === undefined || score[next] !== score[i]) steps.push({ members, treated, treatedResponders, controlResponders })
  })
  return steps
}
