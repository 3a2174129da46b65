/**
 * Members of an evaluated experiment, one index each: the model's score (higher: more worth
 * contacting), whether the member was treated (1, contacted) or control (0), and whether they
 * responded (1) or not (0). The input of the uplift-model metrics (scikit-uplift's y_true, uplift,
 * treatment).
 */
export type UpliftTable = {
  score: readonly number[]
  treatment: readonly (0 | 1)[]
  outcome: readonly (0 | 1)[]
}

/** A point of a Qini or uplift curve: `x` members targeted (best scores first), `y` incremental responders. */
export type CurvePoint = { x: number; y: number }
