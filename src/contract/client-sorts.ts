/** The orders a client list can be sorted in: the list route accepts these, the store maps them to columns. */
export const CLIENT_SORTS = ['fullName', 'bankId', 'clientSince', 'monthlyIncome', 'segment', 'status', 'branchCode'] as const
export type ClientSort = (typeof CLIENT_SORTS)[number]
