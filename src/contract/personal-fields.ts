// The personal fields of a client that are masked for a role not cleared to see them (152-FZ).
// The names are the client fields of the API; who sees which is core/clearance.ts.
export const PERSONAL_FIELDS = ['phone', 'email', 'birthDate', 'address'] as const
export type PersonalField = (typeof PERSONAL_FIELDS)[number]
