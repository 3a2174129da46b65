import { sql, type Kysely } from 'kysely'
import type { LeadOutcome, LeadSource, LeadStatus } from '../../contract/lead-statuses.ts'
import type { NoteKind } from '../../contract/note-kinds.ts'
import type { ConsentRecord } from '../../core/current-consents.ts'
import type { Channel } from '../../contract/channels.ts'
import type { Schema } from '../schema.ts'
import type { ContactState } from '../../contract/contact-states.ts'
import { CLIENT_LIST_COLUMNS, type ClientListItem } from './client-store.ts'

// The client card is read in a few small queries, each on one client-scoped table by client_id
// (the Citus rule: no join between two clients' tables except on client_id).

export type ClientDetails = ClientListItem & {
  address: string | null
  statusDate: string | null
  statusReason: string | null
  doNotContact: boolean
  personalManager: { id: number; fullName: string } | null
}

export type HoldingLine = {
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

export type ConsentLine = ConsentRecord & { channel: Channel; recordedAt: string }

export type NoteLine = { id: number; kind: NoteKind; body: string; createdAt: string; authorName: string | null }

export async function findClientDetails(db: Kysely<Schema>, clientId: number): Promise<ClientDetails | undefined> {
  const row = await db
    .selectFrom('clients')
    .leftJoin('branches', 'branches.id', 'clients.branch_id')
    .leftJoin('users as manager', 'manager.id', 'clients.personal_manager_id')
    .select([
      ...CLIENT_LIST_COLUMNS,
      'clients.address',
      'clients.status_date as statusDate',
      'clients.status_reason as statusReason',
      'clients.do_not_contact as doNotContact',
      'manager.id as managerId',
      'manager.full_name as managerName',
    ])
    .where('clients.id', '=', clientId)
    .executeTakeFirst()
  if (!row) return undefined
  const { managerId, managerName, ...client } = row
  return { ...client, personalManager: managerId != null && managerName != null ? { id: managerId, fullName: managerName } : null }
}

export async function listHoldings(db: Kysely<Schema>, clientId: number): Promise<HoldingLine[]> {
  return db
    .selectFrom('holdings')
    .innerJoin('products', 'products.code', 'holdings.product_code')
    .select([
      'holdings.id',
      'holdings.account_no as accountNo',
      'holdings.product_code as productCode',
      'products.name as productName',
      'products.type as productType',
      'holdings.opened_at as openedAt',
      'holdings.closed_at as closedAt',
      'holdings.balance',
      'holdings.credit_limit as creditLimit',
    ])
    .where('holdings.client_id', '=', clientId)
    .orderBy('holdings.opened_at')
    .orderBy('holdings.id')
    .execute()
}

/** The client's monthly activity, oldest first. */
export async function listActivity(db: Kysely<Schema>, clientId: number): Promise<ActivityMonth[]> {
  return db
    .selectFrom('activity')
    .select([
      'month',
      'turnover',
      'transactions',
      'card_spend as cardSpend',
      'mobile_logins as mobileLogins',
      'branch_visits as branchVisits',
    ])
    .where('client_id', '=', clientId)
    .orderBy('month')
    .execute()
}

/** Every consent record of the client, the latest to take effect first. */
export async function listConsentHistory(db: Kysely<Schema>, clientId: number): Promise<ConsentLine[]> {
  const rows = await db
    .selectFrom('consents')
    .select(['channel', 'granted', 'effective_at', 'source', 'recorded_at'])
    .where('client_id', '=', clientId)
    .orderBy('effective_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({
    // The table's CHECK holds the column to the channels (migration 0001).
    channel: r.channel as Channel,
    granted: r.granted,
    effectiveAt: r.effective_at.toISOString(),
    source: r.source,
    recordedAt: r.recorded_at.toISOString(),
  }))
}

export type ContactLine = {
  id: number
  channel: Channel
  program: string | null
  wave: number | null
  status: ContactState
  at: string | null
  deliveryStatus: string | null
  skipReason: string | null
}

/** The client's newest contacts (the last 50), with the program they came from. */
export async function listContactHistory(db: Kysely<Schema>, clientId: number): Promise<ContactLine[]> {
  const rows = await db
    .selectFrom('contacts as t')
    .leftJoin('programs as p', 'p.id', 't.program_id')
    .select(['t.id', 't.channel', 'p.code', 't.wave_id', 't.status', 't.sent_at', 't.queued_at', 't.delivery_status', 't.skip_reason'])
    .where('t.client_id', '=', clientId)
    .orderBy((eb) => eb.fn.coalesce('t.sent_at', 't.queued_at'), (ob) => ob.desc().nullsLast())
    .orderBy('t.id', 'desc')
    .limit(50)
    .execute()
  return rows.map((r) => {
    const at = r.sent_at ?? r.queued_at
    return {
      id: Number(r.id), channel: r.channel as Channel, program: r.code, wave: r.wave_id, status: r.status,
      at: at === null ? null : new Date(at).toISOString(), deliveryStatus: r.delivery_status, skipReason: r.skip_reason,
    }
  })
}

/** The client's notes, newest first, with their authors' names. */
export async function listNotes(db: Kysely<Schema>, clientId: number): Promise<NoteLine[]> {
  const rows = await db
    .selectFrom('notes')
    .leftJoin('users', 'users.id', 'notes.author_id')
    .select(['notes.id', 'notes.kind', 'notes.body', 'notes.created_at', 'users.full_name as authorName'])
    .where('notes.client_id', '=', clientId)
    .orderBy('notes.created_at', 'desc')
    .orderBy('notes.id', 'desc')
    .execute()
  return rows.map(({ created_at, ...note }) => ({ ...note, createdAt: created_at.toISOString() }))
}

export type ClientLeadLine = {
  id: number
  programCode: string
  programName: string
  source: LeadSource
  outcome: LeadOutcome
  at: string
  status: LeadStatus
  /** Who took the lead in work (full name, else login); null while nobody has. */
  workedBy: string | null
  sale: { productName: string; amount: string; date: string } | null
  /** Where the client is placed now, which decides where the lead goes (core/call-centre/route-lead.ts). */
  personalManagerId: number | null
  branchId: number | null
}

/** The client's leads (the last 50), newest first, with the program they came from and the sale that closed one. */
export async function listClientLeads(db: Kysely<Schema>, clientId: number): Promise<ClientLeadLine[]> {
  const rows = await db
    .selectFrom('leads as l')
    .innerJoin('programs as p', 'p.id', 'l.program_id')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .leftJoin('users as u', 'u.id', 'l.worked_by')
    .leftJoin('products as sp', 'sp.code', 'l.sale_product_code')
    .select((eb) => [
      'l.id', 'p.code', 'p.name', 'l.source', 'l.outcome', 'l.event_at', 'l.status', 'u.full_name', 'l.worked_by_login', 'l.sale_product_code', 'sp.name as sale_product_name',
      'c.personal_manager_id', 'c.branch_id',
      eb.cast<string>('l.sale_amount', 'text').as('sale_amount'), sql<string | null>`to_char(l.sale_date, 'YYYY-MM-DD')`.as('sale_date'),
    ])
    .where('l.client_id', '=', clientId)
    .orderBy('l.event_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(50)
    .execute()
  return rows.map((r) => ({
    id: Number(r.id), programCode: r.code, programName: r.name, source: r.source, outcome: r.outcome, at: new Date(r.event_at).toISOString(), status: r.status,
    workedBy: r.full_name ?? r.worked_by_login,
    sale: r.sale_product_code === null ? null : { productName: r.sale_product_name ?? r.sale_product_code, amount: r.sale_amount!, date: r.sale_date! },
    personalManagerId: r.personal_manager_id, branchId: r.branch_id,
  }))
}
