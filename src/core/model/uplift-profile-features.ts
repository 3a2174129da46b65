/**
 * The client-profile facts an uplift model trained in Otklik learns from (app/model/
 * train-wave-uplift-model.ts), each numeric or text. Left out on purpose: what a wave's own contact
 * or response changes after the wave — last contact and response days, products opened since,
 * balances of the products offered — would leak the outcome into the features, since the profile
 * is today's, not the wave's. Ages and tenures count to the bank day the model is trained or scored.
 */
export const UPLIFT_PROFILE_FEATURES = [
  { name: 'age', kind: 'numeric' },
  { name: 'gender', kind: 'text' },
  { name: 'region', kind: 'text' },
  { name: 'segment', kind: 'text' },
  { name: 'income', kind: 'numeric' },
  { name: 'tenure_months', kind: 'numeric' },
  { name: 'vip', kind: 'text' },
  { name: 'turnover_12m', kind: 'numeric' },
  { name: 'transactions_3m', kind: 'numeric' },
  { name: 'turnover_trend', kind: 'numeric' },
  { name: 'consent_email', kind: 'text' },
  { name: 'consent_sms', kind: 'text' },
  { name: 'consent_call', kind: 'text' },
] as const satisfies readonly { name: string; kind: 'numeric' | 'text' }[]

export type UpliftProfileFeature = (typeof UPLIFT_PROFILE_FEATURES)[number]['name']
