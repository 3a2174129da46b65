/** One arm's values (spend, balance) as PostgreSQL's count, avg and var_samp give them. */
export type MeanSummary = {
  n: number
  mean: number
  /** The sample variance, with n − 1 in the denominator. */
  variance: number
}
