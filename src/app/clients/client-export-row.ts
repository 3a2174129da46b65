import type { ClientListItem } from '../../db/stores/client-store.ts'

/** A row of the client export: the list's row with its region named as the bank's catalogue names it, not only coded. */
export type ClientExportRow = ClientListItem & { regionName: string | null }
