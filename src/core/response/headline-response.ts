import type { ResponseType } from '../../contract/response-types.ts'

/** The steps of the funnel, shallowest first; spend and balance are values, read beside a step, never as one. */
const FUNNEL: readonly ResponseType[] = ['reply', 'visit', 'application', 'conversion']

/**
 * The one response a program's line in the overview reads: the deepest step of the funnel that was
 * measured — a product opened over an application, an application over a visit — since it is the
 * one closest to the product the business case prices. Chosen by the funnel, never by which type
 * came out best: picking the best of several would be the many-comparisons trap again.
 */
export function headlineResponse(types: readonly ResponseType[]): ResponseType | undefined {
  return [...FUNNEL].reverse().find((step) => types.includes(step))
}
