// What the verdict of a pilot recommends (issue 7, item 6; core/program/recommend-verdict.ts
// states the rule): roll out, extend the pilot, stop — or nothing until a sample-ratio mismatch is
// explained. The API, the CLI and the web say the same words.
export const VERDICT_RECOMMENDATIONS = ['rollout', 'extend', 'stop', 'blocked'] as const
export type VerdictRecommendation = (typeof VERDICT_RECOMMENDATIONS)[number]
