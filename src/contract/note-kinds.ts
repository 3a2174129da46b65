// What a note about a client records (DESIGN.md glossary: note). A competitor's offer the client
// mentioned (competitor_offer, migration 0036) is one of the churn reasons the bank knows.
export const NOTE_KINDS = ['life_event', 'intent', 'service', 'other', 'competitor_offer'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/** Notes are short free text from branch staff and the call centre, not documents. */
export const NOTE_MAX_LENGTH = 2000
