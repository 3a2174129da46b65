import type { Channel } from '../../../../src/contract/channels.ts'
import type { ClientStatus } from '../../../../src/contract/client-statuses.ts'
import type { NoteKind } from '../../../../src/contract/note-kinds.ts'
import type { Segment } from '../../../../src/contract/segments.ts'

// The closed lists are the server's own (the shared contract), so a new segment or note kind
// reaches the filters and forms without a second copy to forget.
export { NOTE_KINDS, NOTE_MAX_LENGTH, type NoteKind } from '../../../../src/contract/note-kinds.ts'
export { CLIENT_STATUSES, type ClientStatus } from '../../../../src/contract/client-statuses.ts'
export { SEGMENTS, type Segment } from '../../../../src/contract/segments.ts'
export type { Channel }

/** One row of GET /api/clients; personal fields come masked when the role may not see them. */
export type ClientRow = {
  id: number
  bankId: string
  fullName: string
  birthDate: string | null
  phone: string | null
  email: string | null
  gender: 'M' | 'F' | null
  segment: Segment
  vip: boolean
  status: ClientStatus
  branchCode: string | null
  branchName: string | null
  regionCode: string | null
  clientSince: string | null
  monthlyIncome: number | null
}

export type Holding = {
  id: number
  accountNo: string
  productCode: string
  productName: string
  productType: string
  openedAt: string
  closedAt: string | null
  balance: number
  creditLimit: number | null
}

export type ActivityMonth = {
  month: string
  turnover: number
  transactions: number
  cardSpend: number
  mobileLogins: number
  branchVisits: number
}

export type Consent = { channel: Channel; granted: boolean; effectiveAt: string; source: string | null }
export type ConsentRecord = Consent & { recordedAt: string }
export type Note = { id: number; kind: NoteKind; body: string; createdAt: string; authorName: string | null }

/** GET /api/clients/:id */
export type ClientCard = {
  client: ClientRow & {
    address: string | null
    statusDate: string | null
    statusReason: string | null
    doNotContact: boolean
    personalManager: { id: number; fullName: string } | null
  }
  holdings: Holding[]
  activity: ActivityMonth[]
  consents: { current: Consent[]; history: ConsentRecord[] }
  notes: Note[]
}

export type Branch = { id: number; code: string; name: string; regionCode: string; regionName: string; city: string | null }

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
