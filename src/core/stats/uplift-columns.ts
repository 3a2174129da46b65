/** The columns of a file of scored members, as the user names them (CLI --score, --treatment, --outcome). */
export type UpliftColumns = { score: string; treatment: string; outcome: string }

/** Names for refusals when the table did not come from a file. */
export const DEFAULT_UPLIFT_COLUMNS: UpliftColumns = { score: 'score', treatment: 'treatment', outcome: 'outcome' }
