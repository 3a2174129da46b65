import type { z } from 'zod'
import type { Channel } from '../../../../src/contract/channels.ts'
import type { clientCard, clientList, note } from '../../../../src/contract/client-schemas.ts'
import type { branchList, regionList } from '../../../../src/contract/reference-schemas.ts'

// The closed lists are the server's own (the shared contract), so a new segment or note kind
// reaches the filters and forms without a second copy to forget. The shapes of /api/clients come
// from the schemas the routes validate with: the web declares none.
export { NOTE_KINDS, NOTE_MAX_LENGTH, type NoteKind } from '../../../../src/contract/note-kinds.ts'
export { CLIENT_STATUSES, type ClientStatus } from '../../../../src/contract/client-statuses.ts'
export { SEGMENTS, type Segment } from '../../../../src/contract/segments.ts'
export type { Channel }

/** GET /api/clients; personal fields come masked when the role may not see them. */
export type ClientList = z.infer<typeof clientList>
export type ClientRow = ClientList['items'][number]
/** GET /api/clients/:id */
export type ClientCard = z.infer<typeof clientCard>
export type Holding = ClientCard['holdings'][number]
export type ActivityMonth = ClientCard['activity'][number]
export type Consent = ClientCard['consents']['current'][number]
export type ConsentRecord = ClientCard['consents']['history'][number]
export type Note = z.infer<typeof note>
/** GET /api/branches */
export type BranchList = z.infer<typeof branchList>
export type Branch = BranchList['items'][number]
/** GET /api/regions */
export type RegionList = z.infer<typeof regionList>

export type ClientFilters = {
  q: string
  branch: string
  segment: string
  status: string
  vip: string
  sort: string
  order: 'asc' | 'desc'
  offset: number
  limit: number
}
