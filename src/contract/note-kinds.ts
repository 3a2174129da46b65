// What a note about a client records (DESIGN.md glossary: note).
export const NOTE_KINDS = ['life_event', 'intent', 'service', 'other'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/** Notes are short free text from branch staff and the call centre, not documents. */
export const NOTE_MAX_LENGTH = 2000
