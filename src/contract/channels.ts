// The channels a client is contacted through (DESIGN.md glossary: channel), in every consent,
// cap, wave and reachability count; a program has a cost per contact on each.
export const CHANNELS = ['email', 'sms', 'call', 'letter'] as const
export type Channel = (typeof CHANNELS)[number]
