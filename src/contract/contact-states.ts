// A contact's delivery states (core/execution/contact-states.ts holds the moves between them) and a
// wave's sending states, shared by the server, the CLI and the web.
export const CONTACT_STATES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const
export type ContactState = (typeof CONTACT_STATES)[number]

/** not_started: no contact queued yet; waiting: only rows held back by quiet hours or a retry remain. */
export const WAVE_SEND_STATUSES = ['not_started', 'sending', 'waiting', 'finished'] as const
export type WaveSendStatus = (typeof WAVE_SEND_STATUSES)[number]
