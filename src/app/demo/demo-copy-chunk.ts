import type { DemoClient } from '../../core/demo/generate-demo-client.ts'
import { toCsvLine } from '../../db/to-csv-line.ts'

export const DEMO_TABLES = ['clients', 'holdings', 'activity', 'consents', 'notes'] as const
export type DemoTable = (typeof DEMO_TABLES)[number]

// Columns the demo bank copies in. Holdings, consents and notes take their ids from their
// sequences; clients come with the ids reserved for them, which the other tables refer to.
export const DEMO_COLUMNS: Readonly<Record<DemoTable, readonly string[]>> = {
  clients: ['id', 'bank_id', 'full_name', 'birth_date', 'gender', 'phone', 'email', 'address', 'region_code', 'branch_id',
    'client_since', 'monthly_income', 'segment', 'vip', 'personal_manager_id', 'status', 'status_date', 'status_reason',
    'do_not_contact', 'created_at', 'updated_at'],
  holdings: ['client_id', 'account_no', 'product_code', 'opened_at', 'closed_at', 'balance', 'credit_limit'],
  activity: ['client_id', 'month', 'turnover', 'transactions', 'card_spend', 'mobile_logins', 'branch_visits'],
  consents: ['client_id', 'channel', 'granted', 'effective_at', 'source', 'recorded_at'],
  notes: ['client_id', 'author_id', 'kind', 'body', 'created_at'],
}

export type DemoCopyChunk = Record<DemoTable, { csv: string; rows: number }>

/** The CSV text for COPY of a batch of demo clients, one text per table. */
export function demoCopyChunk(clients: readonly DemoClient[], loadedAt: string): DemoCopyChunk {
  const chunk: DemoCopyChunk = {
    clients: { csv: '', rows: 0 },
    holdings: { csv: '', rows: 0 },
    activity: { csv: '', rows: 0 },
    consents: { csv: '', rows: 0 },
    notes: { csv: '', rows: 0 },
  }
  const add = (table: DemoTable, line: string) => {
    chunk[table].csv += line
    chunk[table].rows++
  }
  for (const { client: c, holdings, activity, consents, notes } of clients) {
    add('clients', toCsvLine([c.id, c.bankId, c.fullName, c.birthDate, c.gender, c.phone, c.email, c.address, c.regionCode,
      c.branchId, c.clientSince, c.monthlyIncome, c.segment, c.vip, c.personalManagerId, c.status, c.statusDate,
      c.statusReason, c.doNotContact, loadedAt, loadedAt]))
    for (const h of holdings) add('holdings', toCsvLine([c.id, h.accountNo, h.productCode, h.openedAt, h.closedAt, h.balance, h.creditLimit]))
    for (const a of activity) {
      add('activity', toCsvLine([c.id, a.month, a.turnover, a.transactions, a.cardSpend, a.mobileLogins, a.branchVisits]))
    }
    for (const k of consents) add('consents', toCsvLine([c.id, k.channel, k.granted, k.effectiveAt, k.source, k.recordedAt]))
    for (const n of notes) add('notes', toCsvLine([c.id, n.authorId, n.kind, n.body, n.createdAt]))
  }
  return chunk
}
