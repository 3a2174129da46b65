// The bank's client segments, from the mass market to private banking (DESIGN.md glossary: segment).
export const SEGMENTS = ['mass', 'mass_affluent', 'premium', 'private'] as const
export type Segment = (typeof SEGMENTS)[number]
