/**
 * The area under the ROC curve of scores against 0/1 labels: the chance that a random positive
 * scores above a random negative, a tie counting one half — the Mann–Whitney statistic, equal to
 * scikit-learn's roc_auc_score (which joins tied scores into one step of its curve). Computed from
 * the mid-ranks of the scores. Undefined when either class is absent.
 */
export function rocAuc(labels: readonly number[], scores: readonly number[]): number | undefined {
  const n = labels.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b])
  let positives = 0
  let rankSum = 0
  for (let start = 0; start < n; ) {
    let end = start + 1
    while (end < n && scores[order[end]] === scores[order[start]]) end++
    // Ranks start + 1 … end share their mean.
    const midRank = (start + 1 + end) / 2
    for (let k = start; k < end; k++) {
      if (labels[order[k]] === 1) {
        positives++
        rankSum += midRank
      }
    }
    start = end
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return undefined
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
