// Where a client stands with the bank: only active clients are contacted.
export const CLIENT_STATUSES = ['active', 'churned', 'deceased'] as const
export type ClientStatus = (typeof CLIENT_STATUSES)[number]
