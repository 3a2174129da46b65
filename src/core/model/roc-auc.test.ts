import { describe, expect, it } from 'vitest'
import reference from '../../app/model/reference/churn_reference.json' with { type: 'json' }
import { rocAuc } from './roc-auc.ts'

// Known answers: scikit-learn 1.2.1's roc_auc_score (app/model/reference/churn_reference.py,
// hand_aucs), ties among the scores included; and the same function on lbfgs's 3,000 test
// predictions of the bank churn file.
describe('rocAuc', () => {
  it.each(reference.aucs.map((c) => [c.labels.join(''), c] as const))('labels %s match roc_auc_score', (_, known) => {
    expect(rocAuc(known.labels, known.scores)).toBeCloseTo(known.auc, 14)
  })

  it('matches roc_auc_score on 3,000 predictions of the churn model', () => {
    const churn = reference.churn.stratified
    expect(rocAuc(churn.test_labels, churn.lbfgs_test_probabilities)).toBeCloseTo(churn.lbfgs.auc, 12)
  })

  it('is undefined without both classes', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeUndefined()
    expect(rocAuc([], [])).toBeUndefined()
  })
})
