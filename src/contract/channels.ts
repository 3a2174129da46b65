// The channels a program contacts clients on, with a consent and a cost per contact each.
export const CHANNELS = ['email', 'sms', 'call', 'letter'] as const
export type Channel = (typeof CHANNELS)[number]
