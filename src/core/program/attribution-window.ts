/**
 * The bank's default attribution window: a response up to 30 days after the pilot wave was built
 * counts for the pilot (DOMAIN.md: typical 30–90 days). A program sets its own in its business case
 * (`attributionDays`).
 */
export const DEFAULT_ATTRIBUTION_DAYS = 30

const DAY_MS = 86_400_000

export type AttributionWindow = { days: number; from: string; until: string; closed: boolean }

/**
 * The window [built, built + days) in which a response counts for the wave — measured from when the
 * wave was built, since its contacts go out from then — and whether it has closed by `now`. A
 * verdict before it closes is an interim one: responses are still coming in.
 */
export function attributionWindow(input: { builtAt: string; days?: number; now: Date }): AttributionWindow {
  const days = input.days ?? DEFAULT_ATTRIBUTION_DAYS
  const from = new Date(input.builtAt)
  const until = new Date(from.getTime() + days * DAY_MS)
  return { days, from: from.toISOString(), until: until.toISOString(), closed: input.now.getTime() >= until.getTime() }
}
